import type { SlashCommandStringOption } from 'discord.js';
import { chinese } from './command';

/** YYYY, YYYY-MM or YYYY-MM-DD. */
const DATE_MAX_LENGTH = 10;

/** A text option, named and described in English, Simplified and Traditional; optional unless made required. */
export const textOption = (name: string, names: [string, string], description: string, descriptions: [string, string], maxLength: number) => (option: SlashCommandStringOption) =>
  option.setName(name).setNameLocalizations(chinese(...names)).setDescription(description).setDescriptionLocalizations(chinese(...descriptions)).setMaxLength(maxLength);

/** The `from` option of the commands that take a date range (/search, /trend). */
export const fromOption = textOption(
  'from',
  ['起始日期', '起始日期'],
  'From this date: YYYY, YYYY-MM or YYYY-MM-DD (undated articles are left out)',
  ['从这一日期起：YYYY、YYYY-MM 或 YYYY-MM-DD（不列入没有日期的文章）', '從這一日期起：YYYY、YYYY-MM 或 YYYY-MM-DD（不列入沒有日期的文章）'],
  DATE_MAX_LENGTH,
);

/** The `to` option of the commands that take a date range. */
export const toOption = textOption(
  'to',
  ['结束日期', '結束日期'],
  'Until this date: YYYY, YYYY-MM or YYYY-MM-DD (undated articles are left out)',
  ['到这一日期为止：YYYY、YYYY-MM 或 YYYY-MM-DD（不列入没有日期的文章）', '到這一日期為止：YYYY、YYYY-MM 或 YYYY-MM-DD（不列入沒有日期的文章）'],
  DATE_MAX_LENGTH,
);
