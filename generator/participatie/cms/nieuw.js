// participatie: a new trajectory or initiative made in the editor gets the same files as 'participatie nieuw'.
//
// Decap CMS saves one file per entry. The 'Nieuw traject' form is traject.yaml; the other files of the folder
// (kaders.yaml, planning.yaml, terugkoppeling.yaml, opgave.md, eindverslag.md: the templates in nieuw.json,
// generated with the site's profile) are added to the same save, so they land in the same commit or merge
// request. A file that already exists is never written over.

export function withNewFolders(implementation, files) {
  const persist = implementation.persistEntry.bind(implementation);
  implementation.persistEntry = async (entry, options) => {
    const extra = options && options.newEntry ? files[options.collectionName] : undefined;
    if (!extra || !entry.dataFiles.length) return persist(entry, options);
    const main = entry.dataFiles[0];
    const folder = main.path.slice(0, main.path.lastIndexOf("/") + 1);
    const added = [];
    for (const [name, raw] of Object.entries(extra)) {
      const path = folder + name;
      // GitLab and GitHub reject a file that is not there; Decap's local server answers with data null
      const exists = await implementation.getEntry(path).then(
        (found) => Boolean(found && typeof found.data === "string"),
        () => false,
      );
      if (!exists) added.push({ path, slug: main.slug, raw });
    }
    return persist({ ...entry, dataFiles: [...entry.dataFiles, ...added] }, options);
  };
  return implementation;
}
