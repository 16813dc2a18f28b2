/** The preview page's plain-DOM helpers (the page draws its own parts without React). */

/** A new `tag` element with `props` set and `children` appended. */
export function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<HTMLElementTagNameMap[K]> = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const e = Object.assign(document.createElement(tag), props);
  e.append(...children);
  return e;
}

/** Sets attributes that are not properties (a role, aria-*) on `e`; returns `e`. */
export function withAttributes<E extends Element>(e: E, attributes: Readonly<Record<string, string>>): E {
  for (const [name, value] of Object.entries(attributes)) e.setAttribute(name, value);
  return e;
}
