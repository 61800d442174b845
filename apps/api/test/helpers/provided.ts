// What global-setup.ts hands to every test file through Vitest's provide/inject.
declare module 'vitest' {
  export interface ProvidedContext {
    /** A URL whose user may create databases: each test file makes its own. */
    adminDatabaseUrl: string;
  }
}

export {};
