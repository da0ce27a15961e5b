import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Holidays from 'date-holidays';
import { afterAll, describe, expect, it } from 'vitest';
import { loadBoardFile, loadBoards, parseBoardYaml, placeholderPeople, settleBoardTenants } from '../../../src/config/board.js';
import { ConfigError } from '../../../src/config/issues.js';
import { HOLIDAY_COUNTRIES } from '../../../src/domain/holiday-countries.js';
import { chairs, isVotingMember, votingMembers } from '../../../src/domain/kernel/board.js';

const demo = readFileSync('config/demo.yaml', 'utf8');

function errorOf(text: string): string {
  try {
    parseBoardYaml(text, 'board.yaml');
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return (err as Error).message;
  }
  throw new Error('expected a ConfigError');
}

describe('the board file', () => {
  it('R1: the demo board has the six organisations, one vote each', () => {
    const board = loadBoardFile('config/demo.yaml');
    expect(board.organisations.map((o) => o.id)).toEqual(['FOB', 'SB', 'SAB', 'SBS', 'BK', 'KOM']);
    expect(board.organisations.find((o) => o.id === 'KOM')?.name).toBe('Slagelse Kommune');
  });

  it('R2: the demo chair is a FOB director and a Slagelse Kommune director', () => {
    const board = loadBoardFile('config/demo.yaml');
    expect(chairs(board).map((p) => p.organisationId).sort()).toEqual(['FOB', 'KOM']);
  });

  it('R3, R4: the demo secretary and guest do not vote; seven people do', () => {
    const board = loadBoardFile('config/demo.yaml');
    expect(board.people.filter((p) => !isVotingMember(p)).map((p) => p.roles[0]).sort()).toEqual(['guest', 'secretary']);
    expect(votingMembers(board)).toHaveLength(7);
  });

  it('the Slagelse board file has the same shape and validates', () => {
    const board = loadBoardFile('config/slagelse.yaml');
    expect(board.organisations).toHaveLength(6);
    expect(board.timezone).toBe('Europe/Copenhagen');
  });

  it('names the people the bot can never recognise: only an e-mail at an example domain (the Slagelse file as shipped), none on the demo board', () => {
    expect(placeholderPeople(loadBoardFile('config/slagelse.yaml'))).toHaveLength(7);
    // The demo's people have e-mails at example domains too, but aadObjectIds: they are recognised.
    expect(placeholderPeople(loadBoardFile('config/demo.yaml'))).toEqual([]);
    const filled = readFileSync('config/slagelse.yaml', 'utf8').replace('direktor.fob@example.dk', 'direktor@fob.dk');
    expect(placeholderPeople(parseBoardYaml(filled, 'slagelse.yaml')).map((p) => p.email)).not.toContain('direktor@fob.dk');
  });

  it('names each board by its file: the file name without its extension', () => {
    expect(loadBoardFile('config/demo.yaml').id).toBe('demo');
    expect(parseBoardYaml(demo, 'boards/slagelse.yml').id).toBe('slagelse');
  });

  it('applies the default policies when none are given', () => {
    const board = parseBoardYaml(demo.replace(/^policies:[\s\S]*?^organisations:/m, 'organisations:'), 'b.yaml');
    expect(board.policies).toEqual({
      majority: 'simple',
      agendaLeadDays: 5,
      agendaReminderDays: 7,
      voteDeadlineHours: 72,
      voteReminderHours: 24,
      objectionHours: 48,
      datePlanningStart: '09-01',
      postingTime: '09:00',
      meetingTime: '14:00',
      lbfFollowUpMeeting: 'first',
      linkTtlDays: 30,
      objectionWindowInMeeting: 'untilClosed',
      chairMustBeMember: true,
      secretaryMayChair: false,
    });
  });

  it('linkTtlDays: how long file links work, a whole number of days', () => {
    expect(parseBoardYaml(demo.replace('linkTtlDays: 30', 'linkTtlDays: 7'), 'b.yaml').policies.linkTtlDays).toBe(7);
    expect(errorOf(demo.replace('linkTtlDays: 30', 'linkTtlDays: 0'))).toMatch(/policies\.linkTtlDays: Number must be greater than or equal to 1/);
    expect(errorOf(demo.replace('linkTtlDays: 30', 'linkTtlDays: 2.5'))).toMatch(/policies\.linkTtlDays: Expected integer/);
  });

  it('names the file, the field and what is wrong', () => {
    expect(errorOf(demo.replace('majority: simple', 'majority: most'))).toMatch(/^board\.yaml is not valid:\n\s+policies\.majority: .*simple.*absolute/);
    expect(errorOf(demo.replace('organisation: SAB', 'organisation: XYZ'))).toMatch(/people\[3\]\.organisation: unknown organisation "XYZ"/);
    expect(errorOf(demo.replace('postingTime: "09:00"', 'postingTime: "9 am"'))).toMatch(/policies\.postingTime: must be a time "HH:MM"/);
    expect(errorOf(demo.replace('timezone: Europe/Copenhagen', 'timezone: Europe/Slagelse'))).toMatch(/board\.timezone: is not a known IANA time zone/);
    expect(errorOf(demo.replace('locale: da', 'locale: de'))).toMatch(/board\.locale/);
    expect(errorOf(demo.replace('aadObjectId: 00000000-0000-4000-8000-000000000002', 'aadObjectId: not-a-guid'))).toMatch(/people\[1\]\.aadObjectId: must be a GUID/);
    expect(errorOf(demo + '\nextra: 1\n')).toMatch(/Unrecognized key.*extra/);
  });

  it('R10: board.country (optional, default DK) names the country whose days off the date poll keeps away from; any case, kept in capitals', () => {
    expect(parseBoardYaml(demo, 'b.yaml').country).toBe('DK');
    const withCountry = (code: string) => demo.replace(/^board:\n/m, `board:\n  country: ${code}\n`);
    expect(parseBoardYaml(withCountry('GB'), 'b.yaml').country).toBe('GB');
    expect(parseBoardYaml(withCountry('se'), 'b.yaml').country).toBe('SE');
    expect(parseBoardYaml(withCountry('DK'), 'b.yaml').country).toBe('DK');
  });

  it('R10: a board.country date-holidays does not know is refused at start in one line naming the key', () => {
    const withCountry = (code: string) => demo.replace(/^board:\n/m, `board:\n  country: ${code}\n`);
    for (const code of ['XX', 'DNK', 'Danmark', 'GB-ENG', '""', '45']) {
      const message = errorOf(withCountry(code));
      expect(message, code).toMatch(/^board\.yaml is not valid:\n {2}board\.country: [^\n]*$/);
      expect(message, code).toMatch(/ISO 3166-1 alpha-2/);
    }
    // The United Kingdom's code is GB: the answer says so.
    expect(errorOf(withCountry('UK'))).toMatch(/board\.country: .*"GB"/);
  });

  it('R10: the countries board.country takes are exactly those date-holidays knows', () => {
    expect([...HOLIDAY_COUNTRIES].sort()).toEqual(Object.keys(new Holidays().getCountries()).sort());
  });

  it('issue 12: checking board.country loads no date-holidays at start: the board file\'s schema and the country list import none of it', () => {
    for (const file of ['src/config/board-schema.ts', 'src/config/board.ts', 'src/domain/holiday-countries.ts']) {
      expect(readFileSync(file, 'utf8'), file).not.toMatch(/(?:from|import|require)\s*\(?\s*'(?:date-holidays|[^']*date-proposals[^']*)'/);
    }
  });

  it('board.channelId (optional) names the channel an install binds; a thread or another id is refused naming the field', () => {
    expect(parseBoardYaml(demo, 'b.yaml').channelId).toBeUndefined();
    const withChannel = (id: string) => demo.replace(/^board:\n/m, `board:\n  channelId: "${id}"\n`);
    expect(parseBoardYaml(withChannel('19:abc123@thread.tacv2'), 'b.yaml').channelId).toBe('19:abc123@thread.tacv2');
    expect(errorOf(withChannel('19:abc123@thread.tacv2;messageid=1700000000000'))).toMatch(/board\.channelId: must be a Teams channel id/);
    expect(errorOf(withChannel('general'))).toMatch(/board\.channelId: must be a Teams channel id/);
  });

  it('refuses a board whose chair is not a member, or an organisation without a member', () => {
    expect(errorOf(demo.replace('roles: [member, chair]', 'roles: [chair]'))).toMatch(/people\[0\]\.roles: a chair is a voting member \(policies\.chairMustBeMember\)/);
    const withoutBk = demo.replace(/  - name: Lars Lund[\s\S]*?roles: \[member\]\n/, '');
    expect(errorOf(withoutBk)).toMatch(/organisations\[4\]: organisation "BK" has no member/);
  });

  it('refuses a secretary who is also a voting member (R3)', () => {
    expect(errorOf(demo.replace('roles: [secretary]', 'roles: [secretary, member]\n    organisation: FOB'))).toMatch(/secretary and guests do not vote/);
  });

  it('reports YAML syntax errors with the line', () => {
    expect(errorOf('board:\n  name: [unclosed\n')).toMatch(/board\.yaml is not valid YAML \(line \d+\)/);
  });

  it('reports a missing file by name', () => {
    expect(() => loadBoardFile('config/nope.yaml')).toThrow(/config\/nope\.yaml: cannot read the board file \(ENOENT\)/);
  });

  it('R13: refuses an agenda reminder that would come when the agenda has already gone out (agendaReminderDays not above agendaLeadDays), naming the policy', () => {
    const withPolicies = (lines: string) => demo.replace(/^policies:[\s\S]*?^organisations:/m, `policies:\n${lines}\norganisations:`);
    expect(errorOf(withPolicies('  agendaLeadDays: 5\n  agendaReminderDays: 3'))).toMatch(
      /policies\.agendaReminderDays: the chair and the secretary are reminded 3 days before the meeting, but the agenda goes out 5 days before \(policies\.agendaLeadDays\): the reminder must come first/,
    );
    expect(errorOf(withPolicies('  agendaLeadDays: 7\n  agendaReminderDays: 7'))).toMatch(/policies\.agendaReminderDays: the chair and the secretary are reminded 7 days before/);
    // Only agendaLeadDays set: the default reminder (7 days) is named as such.
    expect(errorOf(withPolicies('  agendaLeadDays: 10'))).toMatch(/policies\.agendaReminderDays: the chair and the secretary are reminded 7 days before the meeting \(the default\), but the agenda goes out 10 days before/);
    expect(parseBoardYaml(withPolicies('  agendaLeadDays: 3\n  agendaReminderDays: 4'), 'b.yaml').policies).toMatchObject({ agendaLeadDays: 3, agendaReminderDays: 4 });
  });

  it('R6: refuses a vote reminder that could never be sent (voteReminderHours not below voteDeadlineHours), naming both policies; 0 is no reminder', () => {
    const withPolicies = (lines: string) => demo.replace(/^policies:[\s\S]*?^organisations:/m, `policies:\n${lines}\norganisations:`);
    expect(errorOf(withPolicies('  voteDeadlineHours: 48\n  voteReminderHours: 48'))).toMatch(
      /policies\.voteReminderHours: the members who have not voted are reminded 48 hours before a vote's deadline, but a vote is open only 48 hours \(policies\.voteDeadlineHours\): that reminder would never be sent; set fewer hours than 48, or 0 for no reminder/,
    );
    expect(errorOf(withPolicies('  voteDeadlineHours: 12\n  voteReminderHours: 36'))).toMatch(/policies\.voteReminderHours: .* reminded 36 hours before .* open only 12 hours/);
    // Only voteDeadlineHours set: the default reminder (24 hours) is named as such.
    expect(errorOf(withPolicies('  voteDeadlineHours: 24'))).toMatch(/policies\.voteReminderHours: .* reminded 24 hours before a vote's deadline \(the default\), but a vote is open only 24 hours/);
    expect(parseBoardYaml(withPolicies('  voteDeadlineHours: 24\n  voteReminderHours: 0'), 'b.yaml').policies).toMatchObject({ voteDeadlineHours: 24, voteReminderHours: 0 });
    expect(parseBoardYaml(withPolicies('  voteDeadlineHours: 24\n  voteReminderHours: 23.5'), 'b.yaml').policies).toMatchObject({ voteDeadlineHours: 24, voteReminderHours: 23.5 });
  });

  it('refuses a display text holding a character XML forbids (a control character, U+FFFE/U+FFFF, a lone surrogate), naming the key: no Word file of the minutes could hold it', () => {
    const forbidden = /holds the character (U\+[0-9A-F]{4}) at position (\d+), which XML forbids: no Word file of the minutes could hold it; remove it/;
    // As a YAML escape in double quotes, and as the raw character: the YAML parser passes both through.
    expect(errorOf(demo.replace('name: Den boligsociale bestyrelse i Slagelse', 'name: "Den boligsociale\\x01 bestyrelse"'))).toMatch(/board\.name: holds the character U\+0001 at position 17, which XML forbids/);
    expect(errorOf(demo.replace('name: Den boligsociale bestyrelse i Slagelse', 'name: Bestyrelsen\u0008'))).toMatch(/board\.name: holds the character U\+0008 at position 12/);
    expect(errorOf(demo.replace('name: Den boligsociale bestyrelse i Slagelse', 'name: "Bestyrelsen\\uFFFE"'))).toMatch(/board\.name: holds the character U\+FFFE/);
    expect(errorOf(demo.replace('name: Den boligsociale bestyrelse i Slagelse', 'name: "Bestyrelsen \\uD800x"'))).toMatch(/board\.name: holds the character U\+D800 at position 13, which XML forbids/);
    expect(errorOf(demo.replace('name: Slagelse Boligselskab', 'name: "Slagelse\\x0BBoligselskab"'))).toMatch(/organisations\[1\]\.name: holds the character U\+000B/);
    expect(errorOf(demo.replace('{ id: SB,', '{ id: "S\\x0cB",'))).toMatch(/organisations\[1\]\.id: holds the character U\+000C/);
    expect(errorOf(demo.replace('name: Anne Andersen', 'name: "Anne\\x1FAndersen"'))).toMatch(/people\[0\]\.name: holds the character U\+001F/);
    expect(errorOf(`${demo}\nstandingItems: [economy, { title: "Nyt\\0", kind: information }]\n`)).toMatch(/standingItems\[1\]\.title: holds the character U\+0000 at position 4/);
    expect(errorOf(demo.replace('name: Anne Andersen', 'name: "Anne\\uFFFF"'))).toMatch(forbidden);
    // Tab and line breaks are XML's own; a name of a letter outside the BMP (a surrogate pair) is whole.
    expect(parseBoardYaml(demo.replace('name: Den boligsociale bestyrelse i Slagelse', 'name: "Bestyrelsen\\tSlagelse 🏠"'), 'b.yaml').name).toBe('Bestyrelsen\tSlagelse 🏠');
  });

  it('refuses a display text holding a C1 control character (U+0080–U+009F) or a direction override or isolate (U+202A–U+202E, U+2066–U+2069), naming the key: the name would show as something else in Teams and the minutes', () => {
    const shown = /holds the character (U\+[0-9A-F]{4}) at position (\d+), a control or direction-changing character that can make it show as something else in Teams and in the minutes; remove it/;
    const board = (name: string) => demo.replace('name: Den boligsociale bestyrelse i Slagelse', `name: ${name}`);
    expect(errorOf(board('"Bestyrelsen\\x85"'))).toMatch(/board\.name: holds the character U\+0085 at position 12, a control or direction-changing character/);
    expect(errorOf(board('Bestyrelsen\u0080'))).toMatch(/board\.name: holds the character U\+0080 at position 12/);
    expect(errorOf(board('"Bestyrelsen\\x9F"'))).toMatch(/board\.name: holds the character U\+009F/);
    // »Anne ‮nesrednA« shows as »Anne Andersen« written backwards: another name than the one in the file.
    expect(errorOf(demo.replace('name: Anne Andersen', 'name: "Anne \\u202Enesredna"'))).toMatch(/people\[0\]\.name: holds the character U\+202E at position 6/);
    expect(errorOf(demo.replace('name: Anne Andersen', 'name: Anne\u202AAndersen'))).toMatch(/people\[0\]\.name: holds the character U\+202A/);
    expect(errorOf(demo.replace('name: Slagelse Boligselskab', 'name: "Slagelse \\u2067Boligselskab\\u2069"'))).toMatch(/organisations\[1\]\.name: holds the character U\+2067 at position 10/);
    expect(errorOf(demo.replace('{ id: SB,', '{ id: "S\\u2066B",'))).toMatch(/organisations\[1\]\.id: holds the character U\+2066/);
    expect(errorOf(`${demo}\nstandingItems: [economy, { title: "Nyt fra \\u202Dområdet", kind: information }]\n`)).toMatch(/standingItems\[1\]\.title: holds the character U\+202D at position 9/);
    expect(errorOf(board('"Bestyrelsen\\u2068x"'))).toMatch(shown);
    expect(errorOf(board('"Bestyrelsen\\u202Bx"'))).toMatch(shown);
    expect(errorOf(board('"Bestyrelsen\\u202Cx"'))).toMatch(shown);
    // Their neighbours are ordinary text: U+007E, U+00A0 (no-break space), Æ, U+2065, U+206A; a name in Arabic letters needs none of them.
    for (const ok of ['Bestyrelsen~', 'Bestyrelsen\u00A0Slagelse', 'Ældrerådet', 'Bestyrelsen\u2065x', 'Bestyrelsen\u206Ax', 'Bestyrelsen \u0628\u064A\u062A']) {
      expect(parseBoardYaml(board(JSON.stringify(ok)), 'b.yaml').name).toBe(ok);
    }
  });

  it('says that a board file is empty (an empty file, or comments only) instead of "Expected object, received null"', () => {
    expect(errorOf('')).toBe('board.yaml: the board file is empty; it needs board, organisations and people (README, "The board file")');
    expect(errorOf('# to be filled in\n')).toBe('board.yaml: the board file is empty; it needs board, organisations and people (README, "The board file")');
  });

  it('R12: refuses a standing item given twice (a known key, or the board\'s own title in any case), naming where', () => {
    expect(errorOf(`${demo}\nstandingItems: [approve-agenda, economy, economy]\n`)).toMatch(/standingItems\[2\]: the standing item "economy" is given twice \(also standingItems\[1\]\)/);
    expect(errorOf(`${demo}\nstandingItems: [economy, { title: Nyt fra følgegrupperne, kind: information }, { title: nyt fra  følgegrupperne, kind: discussion }]\n`)).toMatch(
      /standingItems\[2\]: the standing item "nyt fra {2}følgegrupperne" is given twice \(also standingItems\[1\]\)/,
    );
  });
});

describe('boards from a directory (R19)', () => {
  const dirs: string[] = [];
  afterAll(() => {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });
  const directory = (files: Record<string, string>): string => {
    const dir = mkdtempSync(join(tmpdir(), 'bestyrelsesbot-config-'));
    dirs.push(dir);
    for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
    return dir;
  };
  const configError = (work: () => unknown): string => {
    try {
      work();
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      return (err as Error).message;
    }
    throw new Error('expected a ConfigError');
  };

  it('loads the shipped directory: Slagelse, a follow-group and the coordination group, each with its id', () => {
    const boards = loadBoards('config/boards');
    expect(boards.map((b) => b.id)).toEqual(['folgegruppe-example', 'koordinationsgruppe', 'slagelse']);
    const coordination = boards.find((b) => b.id === 'koordinationsgruppe')!;
    expect(coordination.organisations).toHaveLength(5);
    expect(chairs(coordination).map((p) => p.roles)).toEqual([['secretary', 'chair']]);
    expect(coordination.policies).toMatchObject({ chairCount: 1, chairMustBeMember: false, secretaryMayChair: true });
    expect(boards.find((b) => b.id === 'slagelse')!.policies).toMatchObject({ chairCount: 2, chairFrom: ['housing', 'municipality'] });
    expect(boards.find((b) => b.id === 'folgegruppe-example')!.standingItems).toContainEqual({ title: 'Nyt fra boligområdet', kind: 'information' });
  });

  it('a single file is one board, as before', () => {
    expect(loadBoards('config/demo.yaml').map((b) => b.id)).toEqual(['demo']);
  });

  it('takes board.id over the file name, and refuses a bad id or a file name that is none', () => {
    expect(parseBoardYaml(demo.replace('board:\n', 'board:\n  id: vest-1\n'), 'x.yaml').id).toBe('vest-1');
    expect(errorOf(demo.replace('board:\n', 'board:\n  id: Vest_1\n'))).toMatch(/board\.id: must be lowercase letters, digits and "-"/);
    expect(configError(() => parseBoardYaml(demo, 'Bestyrelse 1.yaml'))).toMatch(/Bestyrelse 1\.yaml: board\.id: the file's name gives the board id/);
  });

  it('refuses two boards with one id, naming both files, and a directory with no board', () => {
    const dir = directory({ 'a.yaml': demo.replace('board:\n', 'board:\n  id: same\n'), 'b.yaml': demo.replace('board:\n', 'board:\n  id: same\n') });
    expect(configError(() => loadBoards(dir))).toMatch(/b\.yaml: board\.id "same" is the id of .*a\.yaml too/);
    expect(configError(() => loadBoards(directory({ 'notes.txt': 'x' })))).toMatch(/holds no board file/);
  });

  it('R19: leaves out a hidden file (an editor\'s copy), and refuses two boards naming one channel, naming both files', () => {
    const withCopy = directory({ 'slagelse.yaml': demo, '.#slagelse.yaml': demo, '._slagelse.yaml': 'x: [' });
    expect(loadBoards(withCopy).map((b) => b.id)).toEqual(['slagelse']);
    const channel = 'board:\n  channelId: "19:same@thread.tacv2"\n';
    const twoInOne = directory({ 'a.yaml': demo.replace('board:\n', channel), 'b.yaml': demo.replace('board:\n', channel) });
    expect(configError(() => loadBoards(twoInOne))).toMatch(/b\.yaml: board\.channelId is the channel of .*a\.yaml too/);
  });

  it('R19: a board file whose extension is in capitals (A.YAML, b.Yml, as Windows may save it) is a board like any other, not silently left out', () => {
    const dir = directory({ 'a.YAML': demo.replace('board:\n', 'board:\n  id: a\n'), 'b.Yml': demo.replace('board:\n', 'board:\n  id: b\n'), 'c.Yaml': demo, 'notes.txt': 'x' });
    expect(loadBoards(dir).map((b) => b.id)).toEqual(['a', 'b', 'c']);
    expect(loadBoards(directory({ 'ONLY.YML': demo.replace('board:\n', 'board:\n  id: only\n') })).map((b) => b.id)).toEqual(['only']);
    // Still one board per id: slagelse.yaml and slagelse.YAML are two files giving one id.
    expect(configError(() => loadBoards(directory({ 'slagelse.yaml': demo, 'slagelse.YAML': demo })))).toMatch(/slagelse\.yaml: board\.id "slagelse" is the id of .*slagelse\.YAML too/);
  });

  it('R19: names each entry of the directory that is not a board file (board.json, board.yaml.bak, a subdirectory), so that it is not left out unseen; a hidden one is left out quietly', () => {
    const dir = directory({ 'slagelse.yaml': demo, 'board.json': '{}', 'board.yaml.bak': demo, 'NOTES.txt': 'x', '.DS_Store': 'x', '.#slagelse.yaml': demo });
    mkdirSync(join(dir, 'archive'));
    const skipped: string[] = [];
    expect(loadBoards(dir, (file) => skipped.push(file)).map((b) => b.id)).toEqual(['slagelse']);
    expect(skipped).toEqual([join(dir, 'NOTES.txt'), join(dir, 'archive/'), join(dir, 'board.json'), join(dir, 'board.yaml.bak')]);
    // A directory with no board file says what it does hold.
    expect(configError(() => loadBoards(directory({ 'board.json': '{}', '.DS_Store': 'x' })))).toMatch(/holds no board file \(\*\.yaml or \*\.yml\); not board files: board\.json$/);
    // A single file is read as the board file whatever its name.
    const none: string[] = [];
    expect(loadBoards('config/demo.yaml', (file) => none.push(file))).toHaveLength(1);
    expect(none).toEqual([]);
  });

  it('stops at a bad file of the directory, naming the file and the field', () => {
    const dir = directory({ 'good.yaml': demo, 'bad.yaml': demo.replace('majority: simple', 'majority: most') });
    expect(configError(() => loadBoards(dir))).toMatch(/bad\.yaml.*policies\.majority/s);
  });
});

describe('board shapes as policies (R2, R19)', () => {
  it.each(['config/boards/slagelse.yaml', 'config/slagelse.yaml'])('R2: %s has the shape: two chairs, one from a housing organisation and one from the municipality', (file) => {
    const slagelse = readFileSync(file, 'utf8');
    expect(() => parseBoardYaml(slagelse, 'slagelse.yaml')).not.toThrow();
    const oneChair = slagelse.replace(/roles: \[member, chair\]/, 'roles: [member]');
    expect(errorOf(oneChair)).toMatch(/policies\.chairCount is 2, but 1 person has the role "chair"/);
    const bothHousing = slagelse.replace('{ id: KOM, name: Slagelse Kommune, kind: municipality }', '{ id: KOM, name: Slagelse Kommune, kind: housing }');
    expect(errorOf(bothHousing)).toMatch(/no organisation has the kind "municipality"/);
  });

  it('a file that sets no shape is checked as before: at least one chair, who is a member', () => {
    expect(errorOf(demo.replaceAll('roles: [member, chair]', 'roles: [member]'))).toMatch(/no person has the role "chair"/);
    expect(errorOf(demo.replace('roles: [secretary]', 'roles: [secretary, chair]'))).toMatch(/a chair is a voting member|secretary does not chair/);
  });

  it('a board file that is not UTF-8 (saved as Windows "ANSI") is refused, saying so, rather than shown garbled', () => {
    const dir = mkdtempSync(join(tmpdir(), 'bestyrelsesbot-latin1-'));
    const file = join(dir, 'demo.yaml');
    writeFileSync(file, Buffer.from(demo, 'latin1'));
    expect(() => loadBoardFile(file)).toThrow(/demo\.yaml: the board file is not UTF-8 text/);
    writeFileSync(file, demo, 'utf8');
    expect(loadBoardFile(file).organisations.map((o) => o.name)).toContain('Fællesorganisationens Boligforening');
  });

  it('R10: a datePlanningStart that is no day of every year is refused at load (it stopped the bot after it was listening)', () => {
    for (const day of ['02-30', '09-31', '02-29']) {
      expect(errorOf(demo.replace('datePlanningStart: "09-01"', `datePlanningStart: "${day}"`))).toMatch(/policies\.datePlanningStart: must be a day every year has/);
    }
    expect(parseBoardYaml(demo.replace('datePlanningStart: "09-01"', 'datePlanningStart: "02-28"'), 'demo.yaml').policies.datePlanningStart).toBe('02-28');
  });

  it('a name given to two people is refused, naming both entries: they could never be told apart', () => {
    expect(errorOf(demo.replace('name: Lars Lund', 'name: Søren Skov'))).toMatch(/people\[\d+\]\.name: the same name is given twice \(also people\[\d+\]\)/);
  });

  it('R16: a file with no secretary is refused: nobody could write the minutes or record attendance', () => {
    expect(errorOf(demo.replace('roles: [secretary]', 'roles: [guest]'))).toMatch(/no person has the role "secretary"/);
  });

  it('the coordination group: the programme manager chairs without a vote when the policies say so', () => {
    const led = demo.replace('roles: [secretary]', 'roles: [secretary, chair]').replaceAll('roles: [member, chair]', 'roles: [member]');
    expect(errorOf(led)).toMatch(/a chair is a voting member/);
    const allowed = led.replace('policies:\n', 'policies:\n  chairMustBeMember: false\n  secretaryMayChair: true\n');
    const board = parseBoardYaml(allowed, 'koordination.yaml');
    expect(chairs(board).map((p) => p.name)).toEqual(['Pia Poulsen']);
    expect(errorOf(led.replace('policies:\n', 'policies:\n  chairMustBeMember: false\n'))).toMatch(/the secretary does not chair this board/);
  });
});

describe('the boards\' tenants and the bot\'s (docs/deploy.md: one tenant)', () => {
  const board = loadBoardFile('config/demo.yaml'); // board.tenantId 00000000-0000-4000-8000-0000000000d0
  const { tenantId: _, ...noTenant } = board;
  const creds = { BOT_ID: '11111111-1111-4111-8111-111111111111', BOT_PASSWORD: 'p' };
  const OTHER = '22222222-2222-4222-8222-222222222222';

  it('R19: refuses a board whose tenantId is not the single-tenant bot\'s BOT_TENANT_ID, naming both: Teams in the board\'s tenant could never reach it', () => {
    for (const BOT_TYPE of [undefined, 'SingleTenant', 'UserAssignedMsi']) {
      expect(() => settleBoardTenants({ ...creds, BOT_TYPE, BOT_TENANT_ID: OTHER }, [board]), String(BOT_TYPE)).toThrow(
        /^board "demo": board\.tenantId 00000000-0000-4000-8000-0000000000d0 is not the bot's tenant \(BOT_TENANT_ID 22222222-2222-4222-8222-222222222222\)/,
      );
    }
  });

  it('R19: a single-tenant bot\'s board without tenantId is of BOT_TENANT_ID (in lower case); one naming it keeps it, in any case', () => {
    for (const BOT_TYPE of [undefined, 'SingleTenant', 'UserAssignedMsi']) {
      const [settled] = settleBoardTenants({ ...creds, BOT_TYPE, BOT_TENANT_ID: OTHER.toUpperCase() }, [noTenant]);
      expect(settled, String(BOT_TYPE)).toEqual({ ...noTenant, tenantId: OTHER });
    }
    expect(settleBoardTenants({ ...creds, BOT_TENANT_ID: '00000000-0000-4000-8000-0000000000D0' }, [board])).toEqual([board]);
  });

  it('R19: a multi-tenant bot refuses to start with a board file without tenantId, in one line naming the board and board.tenantId: any tenant\'s users could act on it', () => {
    const second = { ...noTenant, id: 'forum' };
    for (const BOT_TENANT_ID of [undefined, OTHER]) {
      let message = '';
      try {
        settleBoardTenants({ ...creds, BOT_TYPE: 'MultiTenant', ...(BOT_TENANT_ID ? { BOT_TENANT_ID } : {}) }, [board, second]);
      } catch (err) {
        expect(err).toBeInstanceOf(ConfigError);
        message = (err as Error).message;
      }
      expect(message).toMatch(/^board "forum": board\.tenantId is not set; a multi-tenant bot \(BOT_TYPE MultiTenant\) is reached from any tenant/);
      expect(message).not.toContain('\n');
    }
    // Every board naming its tenant (another than BOT_TENANT_ID too): served as the files say.
    const nabo = { ...board, id: 'nabo', tenantId: OTHER };
    expect(settleBoardTenants({ ...creds, BOT_TYPE: 'MultiTenant' }, [board, nabo])).toEqual([board, nabo]);
  });

  it('R19: a single-tenant bot whose BOT_TENANT_ID is a domain, not the tenant\'s id, refuses a board without tenantId (its tenant cannot be settled) and accepts one naming it', () => {
    expect(() => settleBoardTenants({ ...creds, BOT_TENANT_ID: 'contoso.onmicrosoft.com' }, [noTenant])).toThrow(/^board "demo": board\.tenantId is not set, and BOT_TENANT_ID contoso\.onmicrosoft\.com is not a tenant id/);
    expect(settleBoardTenants({ ...creds, BOT_TENANT_ID: 'contoso.onmicrosoft.com' }, [board])).toEqual([board]);
  });

  it('R19: local anonymous mode (no BOT_ID) serves the boards as the files give them, with or without tenantId', () => {
    expect(settleBoardTenants({}, [board, noTenant])).toEqual([board, noTenant]);
  });
});
