// Laws, decrees, circulars and decisions read right: Điều/khoản numbering
// scopes, quoted amending text, forms, lists numbered anew under a heading, and
// task rules only in a plan's parts (also a plan attached to a decision).

import * as assert from 'assert';
import { lint } from '../../server/src/core/lint';

function codes(text: string): string[] {
  return lint(text).diagnostics.filter((d) => d.severity !== 'hint').map((d) => `${d.range.start.line + 1}:${d.code}`);
}

const LAW = ['LUẬT', 'SỬA ĐỔI MỘT SỐ ĐIỀU', '', 'Chương I', 'QUY ĐỊNH CHUNG', 'Điều 1. Phạm vi', '1. Luật này quy định.', '2. Luật này áp dụng.', 'Điều 2. Giải thích', '1. Người lao động là người làm việc.', 'a) Đủ tuổi;', 'b) Có hợp đồng.', '2. Người sử dụng lao động.'];

describe('normative texts: numbering scopes and task rules', () => {
  it('clauses restart in every Điều: nothing found', () => {
    assert.deepEqual(codes(LAW.join('\n')), []);
  });

  it('a clause number used twice inside one Điều is found', () => {
    const text = [...LAW, '2. Người học nghề.'].join('\n');
    assert.deepEqual(codes(text), ['14:duplicate-section-number', '14:section-order']);
  });

  it('quoted clauses of the amended law belong to it: nothing found', () => {
    const text = [...LAW, 'Điều 3. Sửa đổi, bổ sung một số điều', '1. Sửa đổi, bổ sung khoản 2 Điều 5 như sau:', '“2. Mức đóng được xác định', 'theo tỷ lệ phần trăm.”.', '2. Bổ sung Điều 7a như sau:', '“Điều 7a. Trách nhiệm', '1. Chỉ đạo, hướng dẫn.', '2. Kiểm tra.”.', '3. Bãi bỏ khoản 3 Điều 9.'].join('\n');
    assert.deepEqual(codes(text), []);
  });

  it('decimals and codes are no section numbers', () => {
    const text = ['THÔNG TƯ', 'Điều 1. Danh mục', '01.02', '2.000 cc', '84.50, 85.09 hoặc 85.16', '1.2.2'].join('\n');
    assert.deepEqual(codes(text), []);
  });

  it('the items of each indicator are numbered anew under its heading', () => {
    const text = ['THÔNG TƯ', 'Phụ lục II', '0101. Diện tích', '1. Khái niệm', '2. Phân tổ chủ yếu', '0102. Dân số', '1. Khái niệm', '2. Phân tổ chủ yếu'].join('\n');
    assert.deepEqual(codes(text), []);
  });

  it('a 1. right after a one-level heading or a field line is a number used twice, not a new list', () => {
    const heading = ['KẾ HOẠCH', 'Triển khai', 'I. NHIỆM VỤ', '1. Việc một', '1. Việc hai', '- Cơ quan chủ trì: Sở Nội vụ.', '- Thời gian thực hiện: Quý II năm 2026.'];
    assert.ok(codes(heading.join('\n')).includes('5:duplicate-section-number'));
    const field = ['KẾ HOẠCH', 'Triển khai', 'I. NHIỆM VỤ', '1. Việc một', '- Cơ quan chủ trì: Sở Nội vụ', '- Thời gian thực hiện: Quý II năm 2026', '1. Việc hai', '- Cơ quan chủ trì: Sở Tư pháp', '- Thời gian thực hiện: Quý III năm 2026'];
    assert.ok(codes(field.join('\n')).includes('7:duplicate-section-number'));
  });

  it('each form (Mẫu số) is numbered on its own and holds no tasks', () => {
    const text = ['THÔNG TƯ', 'Điều 1. Ban hành các mẫu', '1. Mẫu tờ khai.', 'Mẫu số 01', 'TỜ KHAI', '1. Họ và tên', '2. Ngày sinh', 'Mẫu số 02', 'BIÊN BẢN', '1. Thời gian', '2. Địa điểm'].join('\n');
    assert.deepEqual(codes(text), []);
    assert.deepEqual(lint(text).plan!.scopes.map((s) => `${s.kind}:${s.holds}`), ['article:other', 'form:other', 'form:other']);
  });

  it('a document with a header of its own mid-text starts its own numbering', () => {
    const text = ['QUYẾT ĐỊNH', 'Về việc công bố', 'Điều 1. Công bố', '1. Nội dung.', '2. Hiệu lực.', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc', 'BÁO CÁO', 'Kết quả', '1. Tình hình.', '2. Kết quả.'].join('\n');
    assert.deepEqual(codes(text), []);
    assert.deepEqual(lint(text).plan!.scopes.map((s) => `${s.kind}:${s.holds}`), ['article:other', 'document:other']);
  });

  it('a circular has no tasks: its programme of a course neither', () => {
    const text = ['THÔNG TƯ', 'Ban hành chương trình', 'I. NỘI DUNG', '1. Tâm lý học nghề nghiệp', '2. Phương pháp dạy học'].join('\n');
    assert.deepEqual(codes(text), []);
  });

  it('a decision with an attached plan: tasks without a lead are still found', () => {
    const text = ['QUYẾT ĐỊNH', 'Ban hành Kế hoạch thực hiện', 'Điều 1. Ban hành kèm theo Quyết định này Kế hoạch.', 'Điều 2. Quyết định có hiệu lực.', '', 'KẾ HOẠCH', 'thực hiện', '(Kèm theo Quyết định số 12/QĐ-TTg)', 'I. NHIỆM VỤ', '1. Rà soát văn bản', '- Thời gian thực hiện: Quý II năm 2026.', '2. Xây dựng cơ sở dữ liệu', '- Cơ quan chủ trì: Bộ Công an.', '- Thời gian thực hiện: Quý IV năm 2026.'].join('\n');
    assert.deepEqual(codes(text), ['10:missing-lead-agency']);
    assert.deepEqual(lint(text).plan!.scopes.map((s) => `${s.kind}:${s.holds}`), ['article:plan', 'article:plan', 'document:plan']);
  });
});
