/**
 * The custom-elements manifest as the docs should show it: only what a partner page can use.
 *
 * Dropped: private and protected members, members whose name starts with `_`, static members (Lit's
 * `styles`, `properties`), methods (lifecycle and internals), fields that are also attributes (the attribute
 * row documents them once, with the name a page writes: `page-size`, not `pageSize`), and the base class's
 * plumbing for the feed controller (`feedUrl`, `feedLoading`, `feedRefresh`).
 *
 * CSS parts are renamed `::part(name)`: Storybook keys its docs rows by name, so a part called like an
 * attribute (`author`, `label`, `location`) would otherwise replace that attribute's row and control.
 */
interface Member {
  kind?: string;
  name?: string;
  privacy?: string;
  static?: boolean;
  attribute?: string;
}

interface Declaration {
  kind?: string;
  members?: Member[];
  cssParts?: { name?: string }[];
  [key: string]: unknown;
}

export interface Manifest {
  modules?: { declarations?: Declaration[]; [key: string]: unknown }[];
  [key: string]: unknown;
}

const PLUMBING = new Set(['feedUrl', 'feedLoading', 'feedRefresh']);

export function isPublicMember(member: Member): boolean {
  const name = member.name ?? '';
  return (
    member.kind === 'field' &&
    member.privacy !== 'private' &&
    member.privacy !== 'protected' &&
    !name.startsWith('_') &&
    !name.startsWith('#') &&
    !member.static &&
    member.attribute === undefined &&
    !PLUMBING.has(name)
  );
}

/** A copy of the manifest with only the public API (see above). */
export function publicManifest(manifest: Manifest): Manifest {
  return {
    ...manifest,
    modules: (manifest.modules ?? []).map((mod) => ({
      ...mod,
      declarations: (mod.declarations ?? []).map((declaration) =>
        declaration.kind === 'class'
          ? {
              ...declaration,
              members: (declaration.members ?? []).filter(isPublicMember),
              cssParts: (declaration.cssParts ?? []).map((part) => ({ ...part, name: `::part(${part.name ?? ''})` })),
            }
          : declaration,
      ),
    })),
  };
}
