import { describe, expect, it } from 'vitest';
import { participantsReply } from '../src/replies/participants';
import { bundledLibrary } from './helpers';

describe('Library.suggest, behind autocomplete', async () => {
  const library = await bundledLibrary();
  const ids = (typed: string) => library.suggest(typed, 25).map(article => article.id);

  it('finds an article by part of its title, in either script', () => {
    expect(ids('乐凯')[0]).toBe('000_5a4681f7358e924d');
    expect(ids('東方電氣')).toEqual(['004_62825ae384032cb4']);
    expect(ids('东方电气')).toEqual(['004_62825ae384032cb4']);
  });

  it('finds an article by id, the exact id first', () => {
    expect(ids('003')[0]).toBe('003_1e90a82e1525bbfb');
    expect(ids('001_d409caa57de1005b')).toEqual(['001_d409caa57de1005b']);
  });

  it('finds an article by its date, as written or as numbers', () => {
    expect(ids('6月17日')).toEqual(['001_d409caa57de1005b']);
    expect(ids('2022-06')).toEqual(['001_d409caa57de1005b']);
  });

  it('finds an article by an organisation its opening names', () => {
    expect(ids('國投集團')).toContain('001_d409caa57de1005b');
  });

  it('offers the first articles when nothing is typed, and at most the limit', () => {
    expect(library.suggest('', 3)).toHaveLength(3);
  });

  it('answers an unknown id with suggestions', () => {
    const reply = participantsReply(library, '00', 'en');
    expect(reply.error).toBe(true);
    expect(reply.cards[0]!.description).toContain('No article has the id “00”.');
    expect(reply.cards[0]!.description).toContain('`000_5a4681f7358e924d`');
  });
});
