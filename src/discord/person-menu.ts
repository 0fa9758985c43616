import { ActionRowBuilder, StringSelectMenuBuilder, type MessageActionRowComponentBuilder } from 'discord.js';
import type { ArticleAnalysis } from '../analysis/analyse';
import type { Article } from '../corpus/article';
import { labelsFor } from '../replies/labels';
import { DISCORD_LIMITS, truncate } from '../replies/limits';
import { scriptFor, type ReplyLocale } from '../replies/locale';
import { fold } from '../text/fold';
import { inScript } from '../text/script';
import { customIdFor } from './article-custom-id';

/**
 * The menu under /participants that leads from each participant to their /person view:
 * `person:from:<article>`, each option's value the participant's folded name, which the people index
 * finds again among that article's appearances. Up to 25 participants, in the answer's order.
 */
export const PERSON_MENU = 'from';
const MENU_OPTIONS = 25;

export function personMenuRow(article: Article, analysis: ArticleAnalysis, locale: ReplyLocale): ActionRowBuilder<MessageActionRowComponentBuilder> | null {
  const script = scriptFor(locale);
  const seen = new Set<string>();
  const options = [];
  for (const person of analysis.participants.people) {
    const value = fold(person.name);
    if (!value || value.length > DISCORD_LIMITS.optionValue || seen.has(value)) continue;
    seen.add(value);
    const label = [person.name, person.title].filter(Boolean).map(text => inScript(text, script)).join(' · ');
    options.push({ label: truncate(label, DISCORD_LIMITS.choiceName), value });
    if (options.length === MENU_OPTIONS) break;
  }
  if (options.length === 0) return null;
  const menu = new StringSelectMenuBuilder().setCustomId(customIdFor(`person:${PERSON_MENU}:`, article.id)).setPlaceholder(labelsFor(locale).person.menu).addOptions(options);
  return new ActionRowBuilder<MessageActionRowComponentBuilder>().addComponents(menu);
}
