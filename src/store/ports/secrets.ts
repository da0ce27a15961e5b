/** The bot's own secrets, shared by every instance on the database. */
export interface SecretsPort {
  /**
   * A secret of the bot's own (e.g. the key that signs file links): the stored one, or, the
   * first time, `generate()`'s value, stored. All instances on one database get the same.
   */
  secret(name: string, generate: () => string): Promise<string>;
}
