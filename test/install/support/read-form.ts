import { parse, type DefaultTreeAdapterTypes } from 'parse5';

type Element = DefaultTreeAdapterTypes.Element;
type Node = DefaultTreeAdapterTypes.Node;

export interface SubmittedForm {
  action: string;
  method: string;
  /** The fields a click on the form's submit button posts, by name, after the browser's HTML decoding. */
  fields: Record<string, string>;
}

function elements(node: Node): Element[] {
  const children = 'childNodes' in node ? node.childNodes : [];
  const self = 'tagName' in node ? [node] : [];
  return [...self, ...children.flatMap((child) => elements(child))];
}

const attribute = (element: Element, name: string): string | undefined =>
  element.attrs.find((a) => a.name === name)?.value;

/**
 * What a browser posts when a person clicks the submit button of the first form on the page: the page parsed as
 * HTML (parse5 follows the WHATWG parsing algorithm browsers use), the form's action and method, its named inputs,
 * and the button's own name and value.
 */
export function readSubmittedForm(html: string): SubmittedForm {
  const form = elements(parse(html)).find((e) => e.tagName === 'form');
  if (!form) throw new Error('the page has no form');
  const fields: Record<string, string> = {};
  const controls = elements(form).filter((e) => e !== form);
  for (const input of controls.filter((e) => e.tagName === 'input')) {
    const name = attribute(input, 'name');
    if (name !== undefined) fields[name] = attribute(input, 'value') ?? '';
  }
  const button = controls.find((e) => e.tagName === 'button' && (attribute(e, 'type') ?? 'submit') === 'submit');
  const buttonName = button ? attribute(button, 'name') : undefined;
  if (button && buttonName !== undefined) fields[buttonName] = attribute(button, 'value') ?? '';
  return {
    action: attribute(form, 'action') ?? '',
    method: (attribute(form, 'method') ?? 'get').toLowerCase(),
    fields,
  };
}
