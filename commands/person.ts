import {
  AttachmentBuilder,
  MessageFlags,
  SlashCommandBuilder,
  type AutocompleteInteraction,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  type StringSelectMenuInteraction,
} from 'discord.js';
import { articleForKey } from '../src/discord/article-custom-id';
import { chinese, usableEverywhere, type CommandContext, type SlashCommand } from '../src/discord/command';
import { answerPagePress, replyWithSession } from '../src/discord/paged-reply';
import { PERSON_MENU } from '../src/discord/person-menu';
import { EXPORT_ACTION, pagingExportRow, toEphemeralMessage, toMessage, toUpdate } from '../src/discord/render';
import type { PersonEntry } from '../src/people-index/directory';
import { percentOf } from '../src/library/live-people';
import { errorReply, type Reply } from '../src/replies/card';
import { labelsFor } from '../src/replies/labels';
import { DISCORD_LIMITS, truncate } from '../src/replies/limits';
import { replyLocaleFor, scriptFor, type ReplyLocale } from '../src/replies/locale';
import { lookUpPerson, personChoiceName, personPage } from '../src/replies/person';
import { personCsvWithin } from '../src/replies/person-export';
import { NO_OPTIONS } from '../src/search/options';

/**
 * /person, and the buttons and menu that lead to it. Custom ids:
 *   `person:<session>:<n>`       turns to page n of the appearances (the asker's reply in place, anyone
 *                                 else's press opens a copy of their own, as for /search);
 *   `person:<session>:export`    sends the person's appearances as a CSV file to whoever presses;
 *   `person:from:<article>`      the menu under /participants: opens the chosen participant's view,
 *                                 for whoever chose, with the same buttons.
 * A session's query is the person's key, so its pages stay with that person.
 */
const NAME = 'person';
const NAME_OPTION = 'name';

const data = usableEverywhere(new SlashCommandBuilder())
  .setName(NAME)
  .setNameLocalizations(chinese('人物', '人物'))
  .setDescription("A person's titles over time, appearances across the corpus and who they meet")
  .setDescriptionLocalizations(chinese('人物的历任职务、在语料中的出现记录和最常一同出席者', '人物的歷任職務、在語料中的出現記錄和最常一同出席者'))
  .addStringOption(option =>
    option
      .setName(NAME_OPTION)
      .setNameLocalizations(chinese('姓名', '姓名'))
      .setDescription('Type part of a name or an organisation, in either script')
      .setDescriptionLocalizations(chinese('输入姓名或单位的一部分，简体繁体皆可', '輸入姓名或單位的一部分，簡體繁體皆可'))
      .setRequired(true)
      .setMaxLength(DISCORD_LIMITS.optionValue)
      .setAutocomplete(true),
  )
  .toJSON();

/** The row under a person's answer: Previous and Next when there are several pages, and Export. */
function buttons(sessionId: string, view: { index: number; count: number }, locale: ReplyLocale, disabled = false) {
  return pagingExportRow(NAME, sessionId, view, labelsFor(locale), disabled);
}

/**
 * Up to 25 people for what is typed, each as its name, latest title and appearances in the reader's
 * script, the person's key as the value. While the index is built, one choice says how far it is.
 */
async function autocomplete(interaction: AutocompleteInteraction, { people }: CommandContext): Promise<void> {
  const locale = replyLocaleFor(interaction.locale);
  const labels = labelsFor(locale);
  const typed = interaction.options.getFocused();
  const status = people.status();
  if (status.kind === 'indexing') {
    const value = typed.trim().slice(0, DISCORD_LIMITS.optionValue);
    await interaction.respond(value ? [{ name: truncate(labels.person.indexing(percentOf(status)), DISCORD_LIMITS.choiceName), value }] : []);
    return;
  }
  const script = scriptFor(locale);
  const choices = status.search
    .suggest(typed, DISCORD_LIMITS.autocompleteChoices)
    .filter(person => person.key.length <= DISCORD_LIMITS.optionValue)
    .map(person => ({ name: personChoiceName(person, script, labels), value: person.key }));
  await interaction.respond(choices);
}

async function execute(interaction: ChatInputCommandInteraction, { people, sessions }: CommandContext): Promise<void> {
  const locale = replyLocaleFor(interaction.locale);
  const status = people.status();
  if (status.kind === 'indexing') {
    await interaction.reply(toMessage(errorReply(labelsFor(locale).person.indexing(percentOf(status)))));
    return;
  }
  const lookup = lookUpPerson(status, interaction.options.getString(NAME_OPTION, true), locale);
  if (lookup.kind === 'reply') {
    await interaction.reply(toMessage(lookup.reply));
    return;
  }
  const reply = personPage(lookup.person, lookup.namesakes, 0, locale);
  await replyWithSession(interaction, sessions, { ...reply, page: reply.page! }, { query: lookup.person.key, options: NO_OPTIONS }, (id, view, disabled) => buttons(id, view, locale, disabled));
}

async function button(interaction: ButtonInteraction, context: CommandContext, [sessionId = '', action = '']: readonly string[]): Promise<void> {
  const locale = replyLocaleFor(interaction.locale);
  const session = context.sessions.get(sessionId);
  const status = context.people.status();
  const person = session && status.kind === 'ready' ? status.directory.get(session.query) : undefined;
  if (!session || !person) {
    await interaction.reply(toMessage(errorReply(labelsFor(locale).person.expired)));
    return;
  }
  if (action === EXPORT_ACTION) {
    await sendExport(interaction, context, person, locale);
    return;
  }
  const reply = personPage(person, [], Number.parseInt(action, 10) || 0, locale);
  await answerPagePress(interaction, session, reply, [buttons(sessionId, reply.page!, locale)]);
}

/** The person's appearances as a CSV attachment, for the presser's eyes only, cut at Discord's limit and said so. */
async function sendExport(interaction: ButtonInteraction, { library }: CommandContext, person: PersonEntry, locale: ReplyLocale): Promise<void> {
  await interaction.deferReply({ flags: MessageFlags.Ephemeral });
  const { csv, rows } = personCsvWithin(library, person, DISCORD_LIMITS.attachmentBytes);
  const labels = labelsFor(locale);
  const total = person.appearances.length;
  const note: Reply = { cards: [{ title: '', description: rows < total ? labels.exportedPart(rows, total) : labels.exported(rows), fields: [] }] };
  await interaction.editReply({ ...toUpdate(note), files: [new AttachmentBuilder(Buffer.from(csv, 'utf8'), { name: 'person.csv' })] });
}

/**
 * A participant chosen in the menu under /participants: their view, which only the one who chose sees,
 * paged and exported with the same buttons, which only they can press.
 */
async function select(interaction: StringSelectMenuInteraction, { library, people, sessions }: CommandContext, [action = '', ...rest]: readonly string[]): Promise<void> {
  if (action !== PERSON_MENU) throw new Error(`no handler for select menu ${interaction.customId}`);
  const locale = replyLocaleFor(interaction.locale);
  const labels = labelsFor(locale);
  const status = people.status();
  if (status.kind === 'indexing') {
    await interaction.reply(toMessage(errorReply(labels.person.indexing(percentOf(status)))));
    return;
  }
  // Article ids may hold colons, which the router split on.
  const article = articleForKey(library, rest.join(':'));
  const name = interaction.values[0] ?? '';
  const person = article ? status.directory.personIn(article.id, name) : undefined;
  if (!person) {
    await interaction.reply(toMessage(errorReply(labels.person.notIndexed(name))));
    return;
  }
  const reply = personPage(person, [], 0, locale);
  const view = { ...reply.page! };
  const sessionId = sessions.open(id => ({
    query: person.key,
    options: NO_OPTIONS,
    userId: interaction.user.id,
    view,
    disableButtons: () => interaction.editReply({ components: [buttons(id, view, locale, true)] }),
  }));
  await interaction.reply(toEphemeralMessage(reply, [buttons(sessionId, view, locale)]));
}

export const person: SlashCommand = { data, execute, autocomplete, button, select };
