// The language server process: started by the extension over IPC, or by any
// LSP client with --stdio. All of the server is in createServer (server.ts).

import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { createServer } from './server';

const server = createServer(createConnection(ProposedFeatures.all));

process.on('uncaughtException', (err) => server.logError('Lỗi không lường trước', err));
process.on('unhandledRejection', (err) => server.logError('Lỗi không lường trước', err));

server.listen();
