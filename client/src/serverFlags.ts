// How node runs the language server. A small young generation (V8 reserves
// 16 MB semi-spaces by default) keeps the server's resident memory within the
// 80 MB budget of issue 5 with an 850 KB plan and ten others open; the extra
// scavenges cost well under a millisecond a keystroke (npm run bench).
export const SERVER_EXEC_ARGV = ['--max-semi-space-size=2'];
