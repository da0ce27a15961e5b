/**
 * Where the bot speaks and to whom: the bound channel, the board's people as Teams
 * knows them, and their 1:1 chats with the bot. No Teams types: conversation
 * references are opaque JSON.
 */

/** The bound channel (PRODUCT §1.1). */
export interface ChannelBinding {
  readonly conversationReference: unknown;
  readonly tenantId?: string;
  readonly teamId?: string;
  readonly channelId: string;
  readonly serviceUrl: string;
  readonly boundAt: Date;
  /** Person id, or undefined when bound by installation. */
  readonly boundBy?: string;
}

/** A person of the board as Teams knows them: needed for mentions and card refresh. */
export interface TeamsIdentity {
  readonly personId: string;
  /** The `29:…` id. */
  readonly teamsUserId: string;
  readonly name: string;
  readonly seenAt: Date;
}

export interface IdentitiesPort {
  getBinding(): Promise<ChannelBinding | undefined>;
  /**
   * Binds the board to the channel, or moves it there. A channel belongs to at most one
   * board: binding one another board holds fails (ask `boardOfChannel` first).
   */
  saveBinding(binding: ChannelBinding): Promise<void>;
  /** The board a channel is bound to, whichever board the store is for (the one read across boards). */
  boardOfChannel(channelId: string): Promise<string | undefined>;
  /**
   * Across boards: `boardId`'s binding to `channelId` removed (R19: a board the deployment no
   * longer serves lets go of its channel when another board is bound there). Its record stays;
   * its posts still waiting are given up (failed).
   */
  releaseChannel(channelId: string, boardId: string): Promise<void>;
  /** Every board bound to a channel in this store, whichever board the store is for (read across boards), by id. */
  listBoundBoards(): Promise<string[]>;
  /** Every board with a record in this store (a change it made, or a binding), whichever board the store is for, by id. */
  listBoardsWithRecords(): Promise<string[]>;

  rememberTeamsIdentity(identity: TeamsIdentity): Promise<void>;
  listTeamsIdentities(): Promise<TeamsIdentity[]>;

  /** A person's 1:1 chat with the bot, for personal reminders (opaque conversation reference). */
  savePersonalConversation(personId: string, conversationReference: unknown, at: Date): Promise<void>;
  getPersonalConversation(personId: string): Promise<unknown | undefined>;
}
