// The editor features (features/) see the server's state through a
// FeatureContext: lookups by document, and a reload that reads every file again.

import { registerFeatures, FeatureContext } from './features';
import { configRoots, indexFor, log, logError, ServerState, settingsFor } from './serverState';
import { reloadIndex } from './indexReload';
import { revalidateAll, shouldCheck } from './validation';

export function featureContext(state: ServerState): FeatureContext {
  return {
    analyses: state.analyses,
    index: (uri) => indexFor(state, uri),
    language: () => state.language,
    settings: (uri) => settingsFor(state, uri),
    // The nearest configuration root takes an added index entry.
    roots: () => configRoots(state),
    shouldCheck: (doc) => shouldCheck(state, doc),
    reloadIndex: () => {
      // Asked for (the command, or after writing a file): every file is read again.
      state.indexFiles.clear();
      reloadIndex(state);
      revalidateAll(state);
    },
    log: (message) => log(state, message),
    logError: (message, err) => logError(state, message, err),
    clientCapabilities: () => state.clientCapabilities,
  };
}

export function registerServerFeatures(state: ServerState): void {
  registerFeatures(state.connection, state.documents, featureContext(state));
}
