// The custom requests the client sends to the kehoach server. The result
// types come from the server's core (type-only: nothing of it is bundled).

import { NotificationType0, RequestType } from 'vscode-languageclient/node';
import type {
  AssignmentTableFormat,
  AssignmentTableResult,
  TaskEntry,
  TaskListResult,
} from '../../server/src/core/features/taskList';
import { NOTIFICATIONS, REQUESTS } from '../../server/src/lsp/requests';

export type { AssignmentTableFormat, AssignmentTableResult, TaskEntry, TaskListResult };

export const TasksRequest = new RequestType<{ uri: string }, TaskListResult, void>(REQUESTS.tasks);
export const AssignmentTableRequest = new RequestType<{ uri: string; format: AssignmentTableFormat }, AssignmentTableResult, void>(
  REQUESTS.assignmentTable,
);
export const ReloadIndexNotification = new NotificationType0(NOTIFICATIONS.reloadIndex);
/** Edits converting every TCVN3/VNI run of a document to Unicode. */
export const ConvertLegacyEncodingRequest = new RequestType<{ uri: string }, { version: number | null; edits: { range: { start: { line: number; character: number }; end: { line: number; character: number } }; newText: string }[] }, void>(
  REQUESTS.convertLegacyEncoding,
);
/** Sent when the user trusts the workspace: the server then reads its index files. */
export const WorkspaceTrustedNotification = new NotificationType0(NOTIFICATIONS.workspaceTrusted);

/** Languages and schemes the server checks (the client's document selector). */
export const PLAN_LANGUAGES = ['kehoach', 'markdown', 'plaintext'];
export const PLAN_SCHEMES = ['file', 'untitled'];

export function isCandidate(doc: { languageId: string; uri: { scheme: string } }): boolean {
  return PLAN_LANGUAGES.includes(doc.languageId) && PLAN_SCHEMES.includes(doc.uri.scheme);
}
