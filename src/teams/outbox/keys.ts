/** Outbox keys: a post is sent at most once per key; a card's updates go under `<key>-update`. */
export const outboxKeys = {
  welcome: (channelId: string) => `welcome:${channelId}`,
  /** The board moved from `channelId` to another channel at `at`: the channel left is told. */
  moved: (channelId: string, at: Date) => `moved:${channelId}:${at.toISOString()}`,
  installNotice: (conversationKey: string, notice: string) => `install-notice:${notice}:${conversationKey}`,
  voteCard: (motionId: string) => `motion:${motionId}:card`,
  voteOutcome: (motionId: string) => `motion:${motionId}:outcome`,
  agenda: (meetingId: string) => `meeting:${meetingId}:agenda`,
  meetingCancelled: (meetingId: string) => `meeting:${meetingId}:cancelled`,
  /** Each move of a meeting is told once (`revision`: the move's number). */
  meetingMoved: (meetingId: string, revision: number) => `meeting:${meetingId}:moved:${revision}`,
  petitionCard: (petitionId: string) => `petition:${petitionId}:card`,
  petitionMajority: (petitionId: string) => `petition:${petitionId}:majority`,
  conclusionCard: (conclusionId: string) => `conclusion:${conclusionId}:card`,
  conclusionObjection: (conclusionId: string, personId: string) => `conclusion:${conclusionId}:objection:${personId}`,
  conclusionDecided: (conclusionId: string) => `conclusion:${conclusionId}:decided`,
  datesCard: (pollId: string) => `dates:${pollId}:card`,
  datesConfirmed: (pollId: string) => `dates:${pollId}:confirmed`,
  minutesCard: (minutesId: string) => `minutes:${minutesId}:card`,
  minutesApproved: (minutesId: string) => `minutes:${minutesId}:approved`,
  /** Each decision that found them missing (a reopened item decided again is told again). */
  minutesAlreadyApproved: (meetingId: string, decidedAt: Date) => `meeting:${meetingId}:minutes-already-approved:${decidedAt.toISOString()}`,
  minutesNotDrafted: (meetingId: string, decidedAt: Date) => `meeting:${meetingId}:minutes-not-drafted:${decidedAt.toISOString()}`,
  /** Once per correction (its time): the record changed after it. */
  minutesBehind: (minutesId: string, correctedAt: Date) => `minutes:${minutesId}:behind:${correctedAt.toISOString()}`,
  minutesChangedAfterApproval: (minutesId: string, at: Date) => `minutes:${minutesId}:changed-after-approval:${at.toISOString()}`,
  minutesNotApprovedBehind: (meetingId: string, decidedAt: Date) => `meeting:${meetingId}:minutes-not-approved-behind:${decidedAt.toISOString()}`,
};

/** The key of the entry that replaces the card sent under `key`. */
export const updateKey = (key: string) => `${key}-update`;
