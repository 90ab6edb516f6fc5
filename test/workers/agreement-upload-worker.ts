/**
 * An uploader for the agreement store's concurrency test: stores COUNT versions of one agreement
 * id, each a distinct text, and prints the version number each one was given.
 * Usage: node agreement-upload-worker.ts DATABASE ID COUNT TAG
 */
import { AgreementStore } from '../../src/store/agreement-store.ts';
import { openDatabase } from '../../src/store/database.ts';

const [location, id, countText, tag] = process.argv.slice(2);
const database = await openDatabase(location!);
const store = new AgreementStore(database);
for (let i = 0; i < Number(countText); i++) {
  const { version, created } = await store.add({
    id: id!,
    source: `# upload ${tag} ${i}\nid: ${id}\n`,
    mediaType: 'application/yaml',
    status: 'adopted',
    uploadedBy: { actor: `uploader-${tag}`, role: 'mediator', log: null },
  });
  if (!created) throw new Error(`upload ${tag} ${i} was taken for a duplicate`);
  process.stdout.write(`${version.version}\n`);
}
await database.close();
