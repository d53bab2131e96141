// Every user-visible string goes through the i18n layer (design §5): text between JSX tags and
// the attributes people read or hear (labels, titles, placeholders, alt text) may not be literals.
const LETTER = /\p{L}/u;
const READ_ATTRIBUTES = new Set([
  'aria-label',
  'aria-description',
  'aria-placeholder',
  'aria-roledescription',
  'aria-valuetext',
  'alt',
  'title',
  'placeholder',
  'label',
  'hint',
  'who',
]);

const hasLetters = (text) => LETTER.test(text);
const templateHasLetters = (node) => node.quasis.some((q) => hasLetters(q.value.cooked ?? q.value.raw));

/** Literals, or templates whose fixed parts hold words, anywhere in a conditional or logical expression. */
function literalTexts(node) {
  if (!node) return [];
  switch (node.type) {
    case 'Literal':
      return typeof node.value === 'string' && hasLetters(node.value) ? [node] : [];
    case 'TemplateLiteral':
      return templateHasLetters(node) ? [node] : [];
    case 'ConditionalExpression':
      return [...literalTexts(node.consequent), ...literalTexts(node.alternate)];
    case 'LogicalExpression':
      return [...(node.operator === '&&' ? [] : literalTexts(node.left)), ...literalTexts(node.right)];
    default:
      return [];
  }
}

const message = 'User-visible text must go through i18n: use t(\'…\') from useTranslation() (design §5).';

export default {
  meta: {
    type: 'problem',
    docs: { description: 'Forbid literal user-visible strings in JSX; they must come from the i18n catalogue.' },
    schema: [],
    messages: { literal: message },
  },
  create(context) {
    return {
      JSXText(node) {
        if (hasLetters(node.value)) context.report({ node, messageId: 'literal' });
      },
      JSXExpressionContainer(node) {
        if (node.parent.type === 'JSXAttribute') return;
        for (const found of literalTexts(node.expression)) context.report({ node: found, messageId: 'literal' });
      },
      JSXAttribute(node) {
        const name = typeof node.name.name === 'string' ? node.name.name : '';
        if (!READ_ATTRIBUTES.has(name) || node.value === null) return;
        const value = node.value.type === 'Literal' ? node.value : node.value.expression;
        for (const found of literalTexts(value)) context.report({ node: found, messageId: 'literal' });
      },
    };
  },
};
