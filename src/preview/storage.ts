/**
 * The preview's one saved record in the browser's IndexedDB (persist.ts says why not
 * localStorage): read, write and delete the saved workbook text. Every failure is a rejected
 * promise with the browser's reason, for the page to show.
 */
import { STORAGE } from "./persist";

function open(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    if (typeof indexedDB === "undefined") return reject(new Error("this browser keeps no data for the page (no IndexedDB)"));
    const req = indexedDB.open(STORAGE.database, 1);
    req.onupgradeneeded = () => req.result.createObjectStore(STORAGE.store);
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error("the browser refused to open the page's saved data"));
  });
}

async function run<T>(mode: IDBTransactionMode, f: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  const db = await open();
  try {
    return await new Promise<T>((resolve, reject) => {
      const tx = db.transaction(STORAGE.store, mode);
      const req = f(tx.objectStore(STORAGE.store));
      tx.oncomplete = () => resolve(req.result);
      tx.onerror = () => reject(tx.error ?? req.error ?? new Error("the browser refused to save"));
      tx.onabort = () => reject(tx.error ?? new Error("the browser stopped the save (is the disk full?)"));
    });
  } finally {
    db.close();
  }
}

/** The saved text, or undefined when nothing was saved. */
export async function readStored(): Promise<string | undefined> {
  const v = await run("readonly", (s) => s.get(STORAGE.key) as IDBRequest<unknown>);
  return typeof v === "string" ? v : v === undefined ? undefined : JSON.stringify(v);
}

export const writeStored = (text: string): Promise<unknown> => run("readwrite", (s) => s.put(text, STORAGE.key));

export const clearStored = (): Promise<unknown> => run("readwrite", (s) => s.delete(STORAGE.key));
