// Names of kehoach's own requests and notifications, for both sides of the
// protocol: the server registers them, the client (client/src/protocol.ts)
// sends them. No imports, so the client bundles only these strings.

export const REQUESTS = {
  /** The tasks of a document: `{ uri }` → TaskListResult. */
  tasks: 'kehoach/tasks',
  /** The assignment table: `{ uri, format }` → AssignmentTableResult. */
  assignmentTable: 'kehoach/assignmentTable',
  /** Edits converting every TCVN3/VNI run of a document: `{ uri }`. */
  convertLegacyEncoding: 'kehoach/convertLegacyEncoding',
} as const;

export const NOTIFICATIONS = {
  /** Read the index files again. */
  reloadIndex: 'kehoach/reloadIndex',
  /** The user trusted the workspace: read its index files now. */
  workspaceTrusted: 'kehoach/workspaceTrusted',
} as const;
