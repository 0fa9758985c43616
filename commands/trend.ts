import { ActionRowBuilder, AttachmentBuilder, ButtonBuilder, ButtonStyle, MessageFlags, SlashCommandBuilder, type ButtonInteraction, type ChatInputCommandInteraction, type MessageActionRowComponentBuilder } from 'discord.js';
import { lineChartPng } from '../src/charts/line-chart';
import { chinese, usableEverywhere, type CommandContext, type SlashCommand } from '../src/discord/command';
import { fromOption, toOption } from '../src/discord/options';
import { EXPORT_ACTION, toMessage, toUpdate } from '../src/discord/render';
import { errorReply, type Reply } from '../src/replies/card';
import { labelsFor } from '../src/replies/labels';
import { replyLocaleFor, type ReplyLocale } from '../src/replies/locale';
import { TREND_CHART_FILE, trendAnswer } from '../src/replies/trend';
import { trendCsv } from '../src/replies/trend-export';
import { NO_OPTIONS } from '../src/search/options';
import { MAX_PHRASE_LENGTH } from '../src/search/phrase';
import { TREND_PERIODS } from '../src/trends/periods';
import { MAX_TREND_PHRASES, TREND_MEASURES, type TrendRequest } from '../src/trends/request';

/**
 * /trend: how often up to four phrases are mentioned, period by period, as a chart with each phrase's
 * totals, first and peak periods beside it. The Export button under it, `trend:<session>:export`,
 * sends the counts as a CSV file to whoever presses.
 */
const NAME = 'trend';
/** Four phrases of the longest length, with a separator and a space between each. */
const PHRASES_MAX_LENGTH = MAX_TREND_PHRASES * (MAX_PHRASE_LENGTH + 2);

const data = usableEverywhere(new SlashCommandBuilder())
  .setName(NAME)
  .setNameLocalizations(chinese('趋势', '趨勢'))
  .setDescription('How often phrases are mentioned, month by month (or by quarter or year), as a chart')
  .setDescriptionLocalizations(chinese('短语在各月（或各季度、各年）被提及的情况，附图表', '短語在各月（或各季度、各年）被提及的情況，附圖表'))
  .addStringOption(option =>
    option
      .setName('phrases')
      .setNameLocalizations(chinese('短语', '短語'))
      .setDescription('Up to 4 phrases, separated by commas, e.g. 新質生產力, 高質量發展')
      .setDescriptionLocalizations(chinese('最多 4 个短语，用逗号分隔，例如 新质生产力、高质量发展', '最多 4 個短語，用逗號分隔，例如 新質生產力、高質量發展'))
      .setMaxLength(PHRASES_MAX_LENGTH)
      .setRequired(true),
  )
  .addStringOption(option =>
    option
      .setName('by')
      .setNameLocalizations(chinese('时间单位', '時間單位'))
      .setDescription('Count by month, quarter or year (by default what fits the span: months up to three years)')
      .setDescriptionLocalizations(chinese('按月、季度或年统计（默认按时间跨度选择：三年以内按月）', '按月、季度或年統計（預設按時間跨度選擇：三年以內按月）'))
      .addChoices(TREND_PERIODS.map(period => ({ name: labelsFor('en').trendPeriods[period], name_localizations: chinese(labelsFor('zh-CN').trendPeriods[period], labelsFor('zh-TW').trendPeriods[period]), value: period }))),
  )
  .addStringOption(fromOption)
  .addStringOption(toOption)
  .addStringOption(option =>
    option
      .setName('measure')
      .setNameLocalizations(chinese('指标', '指標'))
      .setDescription('What to count (articles that mention each phrase unless chosen)')
      .setDescriptionLocalizations(chinese('统计什么（默认为提及各短语的文章数）', '統計什麼（預設為提及各短語的文章數）'))
      .addChoices(TREND_MEASURES.map(measure => ({ name: labelsFor('en').trendMeasures[measure], name_localizations: chinese(labelsFor('zh-CN').trendMeasures[measure], labelsFor('zh-TW').trendMeasures[measure]), value: measure }))),
  )
  .toJSON();

function exportRow(sessionId: string, locale: ReplyLocale, disabled = false): ActionRowBuilder<MessageActionRowComponentBuilder> {
  return new ActionRowBuilder<MessageActionRowComponentBuilder>().addComponents(
    new ButtonBuilder().setCustomId(`${NAME}:${sessionId}:${EXPORT_ACTION}`).setLabel(labelsFor(locale).exportButton).setStyle(ButtonStyle.Primary).setDisabled(disabled),
  );
}

function requestOf(interaction: ChatInputCommandInteraction): TrendRequest {
  return {
    phrases: [interaction.options.getString('phrases', true)],
    by: interaction.options.getString('by'),
    from: interaction.options.getString('from'),
    to: interaction.options.getString('to'),
    measure: interaction.options.getString('measure'),
  };
}

/**
 * A refusal is answered at once, for the asker alone; an answer without periods to draw, at once in
 * the channel. Otherwise the answer is deferred while the chart is drawn (a quarter of a second or
 * more on a busy machine), then sent with the chart and the Export button.
 */
async function execute(interaction: ChatInputCommandInteraction, { library, sessions }: CommandContext): Promise<void> {
  const locale = replyLocaleFor(interaction.locale);
  const request = requestOf(interaction);
  const answer = trendAnswer(library, request, locale);
  if (!answer.chart) {
    await interaction.reply(toMessage(answer.reply));
    return;
  }
  await interaction.deferReply();
  const png = await lineChartPng(answer.chart);
  const sessionId = sessions.open(id => ({
    query: request.phrases.join(', '),
    options: NO_OPTIONS,
    trend: request,
    userId: interaction.user.id,
    view: { index: 0, count: 1 },
    disableButtons: () => interaction.editReply({ components: [exportRow(id, locale, true)] }),
  }));
  await interaction.editReply({ ...toUpdate(answer.reply, [exportRow(sessionId, locale)]), files: [new AttachmentBuilder(png, { name: TREND_CHART_FILE })] });
}

/** Export: the counts as they are now, as CSV, for the presser's eyes only, in their language. */
async function button(interaction: ButtonInteraction, { library, sessions }: CommandContext, [sessionId = '', action = '']: readonly string[]): Promise<void> {
  const locale = replyLocaleFor(interaction.locale);
  const labels = labelsFor(locale);
  const request = sessions.get(sessionId)?.trend;
  if (!request || action !== EXPORT_ACTION) {
    await interaction.reply(toMessage(errorReply(labels.trendExpired)));
    return;
  }
  await interaction.deferReply({ flags: MessageFlags.Ephemeral });
  // Counted again from the library as it is now: a reload may have left no dated article in range.
  const { trend } = trendAnswer(library, request, locale);
  if (!trend || trend.periods.length === 0) {
    await interaction.editReply(toUpdate(errorReply(labels.trendNoPeriods)));
    return;
  }
  const note: Reply = { cards: [{ title: '', description: labels.trendExported(trend.periods.length), fields: [] }] };
  await interaction.editReply({ ...toUpdate(note), files: [new AttachmentBuilder(Buffer.from(trendCsv(trend), 'utf8'), { name: 'trend.csv' })] });
}

export const trend: SlashCommand = { data, execute, button };
