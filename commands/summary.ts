import { SlashCommandBuilder, type ButtonInteraction, type ChatInputCommandInteraction } from 'discord.js';
import { answerForArticle, articleOption, autocompleteArticle } from '../src/discord/article-option';
import { chinese, usableEverywhere, type CommandContext, type SlashCommand } from '../src/discord/command';
import { answerSourcesButton } from '../src/discord/sources-button';
import { summaryReply } from '../src/replies/summary';

const NAME = 'summary';

const data = usableEverywhere(new SlashCommandBuilder())
  .setName(NAME)
  .setNameLocalizations(chinese('会议摘要', '會議摘要'))
  .setDescription('A meeting at a glance: when, who held it, who chaired and spoke, the points, a summary')
  .setDescriptionLocalizations(chinese('会议一览：时间、主办、主持、讲话、要点和摘要', '會議一覽：時間、主辦、主持、講話、要點和摘要'))
  .addStringOption(articleOption)
  .toJSON();

function execute(interaction: ChatInputCommandInteraction, context: CommandContext): Promise<void> {
  return answerForArticle(interaction, context, NAME, summaryReply);
}

function button(interaction: ButtonInteraction, context: CommandContext, args: readonly string[]): Promise<void> {
  return answerSourcesButton(interaction, context, NAME, args);
}

export const summary: SlashCommand = { data, execute, autocomplete: autocompleteArticle, button };
