// Custom requests behind the editor's task view, status bar and export
// command: `kehoach/tasks`, `kehoach/assignmentTable`, and the
// `kehoach/reloadIndex` notification. A thin adapter over core/features/taskList.

import { ErrorCodes, ResponseError } from 'vscode-languageserver/node';
import type { Connection, ServerCapabilities, TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import {
  AssignmentTableFormat,
  AssignmentTableResult,
  assignmentTable,
  emptyTaskList,
  TaskListResult,
  taskList,
} from '../../core/features/taskList';
import type { FeatureContext } from './index';
import { NOTIFICATIONS, REQUESTS } from '../requests';

const TASKS_REQUEST = REQUESTS.tasks;
const ASSIGNMENT_TABLE_REQUEST = REQUESTS.assignmentTable;
const RELOAD_INDEX_NOTIFICATION = NOTIFICATIONS.reloadIndex;

export interface TasksParams {
  uri: string;
}

export interface AssignmentTableParams {
  uri: string;
  format: AssignmentTableFormat;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null;
}

export const tasksFeature = {
  capabilities: {} as ServerCapabilities,
  register(connection: Connection, documents: TextDocuments<TextDocument>, ctx: FeatureContext): void {
    connection.onRequest(TASKS_REQUEST, (params: TasksParams): TaskListResult => {
      const doc = isObject(params) && typeof params.uri === 'string' ? documents.get(params.uri) : undefined;
      if (!doc) return emptyTaskList();
      try {
        return taskList(ctx.analyses.get(doc), ctx.shouldCheck(doc));
      } catch (err) {
        ctx.logError(`${TASKS_REQUEST} ${doc.uri}`, err);
        return emptyTaskList();
      }
    });

    connection.onRequest(ASSIGNMENT_TABLE_REQUEST, (params: AssignmentTableParams): AssignmentTableResult | ResponseError<void> => {
      const doc = isObject(params) && typeof params.uri === 'string' ? documents.get(params.uri) : undefined;
      if (!doc) {
        return new ResponseError(
          ErrorCodes.InvalidParams,
          { vi: 'Văn bản chưa được mở trong trình soạn thảo.', en: 'The document is not open in the editor.' }[ctx.language()],
        );
      }
      const format: AssignmentTableFormat = params.format === 'csv' ? 'csv' : 'md';
      return assignmentTable(ctx.analyses.get(doc), format, ctx.language());
    });

    connection.onNotification(RELOAD_INDEX_NOTIFICATION, () => {
      ctx.log({ vi: 'Đọc lại danh mục văn bản theo yêu cầu.', en: 'Reloading the directive index on request.' }[ctx.language()]);
      ctx.reloadIndex();
    });
  },
};
