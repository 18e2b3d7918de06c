/** Message templates per channel and language: variables, rendering, save-time validation, shipped defaults. */

export { DEFAULT_MESSAGE_TEMPLATES, findDefaultTemplate } from "./defaults/index.js";
export {
  daysBetween,
  formatDate,
  formatLongDate,
  formatMoney,
  groupInFours,
} from "./format.js";
export {
  type RenderedMessage,
  type RenderFailure,
  type RenderFormat,
  renderTemplate,
  TemplateRenderError,
} from "./render.js";
export {
  type Channel,
  type MessageTemplate,
  OPT_OUT_EXEMPT_IDS,
  REQUIRED_OPT_OUT,
  SUBJECT_RULES,
  type SubjectRule,
  TEMPLATE_LANGUAGES,
  type TemplateLanguage,
  type TemplatePart,
} from "./template.js";
export { type TemplateProblem, type TemplateProblemCode, validateTemplate } from "./validate.js";
export {
  buildTemplateView,
  findVariable,
  OPTIONAL_GROUPS,
  type OptionalGroup,
  presentGroups,
  TEMPLATE_VARIABLES,
  type TemplateContext,
  type TemplateInstallment,
  type TemplateInvoice,
  type TemplateVariable,
  type TemplateView,
  type VariableKind,
} from "./variables.js";
