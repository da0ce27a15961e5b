/** Members' petitions for an extraordinary meeting (R11). */
import type { Petition, PetitionSupport } from '../../domain/petition.js';
import type { ReadOptions } from './read.js';

export type { Petition, PetitionSupport };

export interface PetitionsPort {
  insertPetition(petition: Petition): Promise<void>;
  getPetition(id: string, read?: ReadOptions): Promise<Petition | undefined>;
  /** The petitions made at or after `createdFrom`, oldest first. */
  listPetitions(filter: { readonly createdFrom: Date }): Promise<Petition[]>;
  /** One support per (petition, person), by unique key; false when the person had already supported it. */
  addPetitionSupport(support: PetitionSupport): Promise<boolean>;
  /** Ordered by supportedAt. */
  listPetitionSupports(petitionId: string): Promise<PetitionSupport[]>;
  /** Records the majority once; false when it was already recorded. */
  markPetitionMajority(id: string, at: Date): Promise<boolean>;
  /** R11: records the lapse once, of a petition without a majority; false when it had lapsed already, had its majority, or is unknown. */
  markPetitionLapsed(id: string, at: Date): Promise<boolean>;
  /** R11: the extraordinary meeting called on its subject (another one, after a cancelled one); false for an unknown petition. */
  setPetitionMeeting(id: string, meetingId: string): Promise<boolean>;
  /** R11: the petitions a meeting was called on, oldest first. */
  listPetitionsOfMeeting(meetingId: string): Promise<Petition[]>;
}
