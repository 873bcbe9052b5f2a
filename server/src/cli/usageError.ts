import type { Msg } from '../core/rules/types';

/**
 * A mistake in how the command was called, or a file that cannot be used: exit 2 with
 * one line in the chosen language. `command`, when set, is the command whose
 * `--help` the line points to.
 */
export class UsageError extends Error {
  constructor(
    readonly msg: Msg,
    readonly lang: 'vi' | 'en',
    readonly command?: string,
  ) {
    super(msg[lang]);
  }
}
