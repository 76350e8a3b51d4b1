/** Command-line flags of the eval and bench scripts, one at a time. */
export interface Flag {
  name: string;
  /** The argument after the flag; throws when there is none. */
  value(): string;
}

export function* flags(argv: readonly string[]): Generator<Flag> {
  for (let i = 0; i < argv.length; i++) {
    const name = argv[i];
    yield {
      name,
      value: () => {
        const v = argv[++i];
        if (v === undefined) throw new Error(`${name} needs a value`);
        return v;
      },
    };
  }
}
