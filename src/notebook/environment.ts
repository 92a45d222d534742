import type { TopLevelKind } from './scopes';

/**
 * The notebook's one environment: every top-level name of every cell, as a property of one
 * object that transpiled cells read and write live (`__nb$e.epochs`), so a closure made in
 * one cell sees what a later cell assigns. A name that is not bound yet is a placeholder
 * whose reads (and writes) throw the ReferenceError JavaScript would; a `const` is a
 * read-only property, which only a cell that declares the name again may redefine.
 */
export interface Binding {
  /** The cell whose declaration the current value comes from. */
  owner: string;
  kind: TopLevelKind;
}

export interface Environment {
  /** The object cells run against. */
  readonly scope: Record<string, unknown>;
  /** Makes names read-only once their `const` (or import) has been assigned. */
  readonly makeConstant: (...names: string[]) => void;
  /** A name's value for `typeof`: undefined when nothing defines it. */
  readonly valueForTypeof: (name: string) => unknown;
  has(name: string): boolean;
  get(name: string): unknown;
  binding(name: string): Binding | undefined;
  /** Before a cell runs: what it declares becomes assignable, and names it uses that nothing binds yet throw when read. */
  prepare(declared: Record<string, TopLevelKind>, used: string[]): void;
  /** After a cell ran: records the declarations that were reached as the cell's bindings. */
  settle(cellId: string, declared: Record<string, TopLevelKind>): void;
  /** Removes a name (its uses throw again as not defined). */
  unbind(name: string): void;
  /** Every bound name with its value. */
  entries(): Array<[string, unknown]>;
}

export function createEnvironment(): Environment {
  const scope: Record<string, unknown> = Object.create(null);
  const bindings = new Map<string, Binding>();
  // Declarations of the running cell not reached yet: reading them is JavaScript's temporal dead zone.
  const pending = new Set<string>();

  const placeholder = (name: string, message: string, assignable: boolean) => {
    Object.defineProperty(scope, name, {
      configurable: true,
      enumerable: false,
      get() { throw new ReferenceError(message); },
      set(value: unknown) {
        if (!assignable) throw new ReferenceError(message);
        define(name, value);
      },
    });
  };
  const define = (name: string, value: unknown) => {
    pending.delete(name);
    Object.defineProperty(scope, name, { configurable: true, enumerable: true, writable: true, value });
  };
  const notDefined = (name: string) => placeholder(name, `${name} is not defined`, false);

  return {
    scope,
    makeConstant: (...names) => {
      for (const name of names) Object.defineProperty(scope, name, { writable: false });
    },
    valueForTypeof: (name) => (bindings.has(name) || pending.has(name) ? scope[name] : undefined),
    has: (name) => bindings.has(name),
    get: (name) => (bindings.has(name) ? scope[name] : undefined),
    binding: (name) => bindings.get(name),
    prepare(declared, used) {
      for (const [name, kind] of Object.entries(declared)) {
        if (bindings.has(name)) {
          // A redefinition keeps the old value until the new declaration runs, as a kernel does.
          define(name, scope[name]);
        } else if (kind === 'var') {
          define(name, undefined);
        } else {
          pending.add(name);
          placeholder(name, `Cannot access '${name}' before initialization`, true);
        }
      }
      for (const name of used) if (!(name in declared) && !bindings.has(name) && !Object.prototype.hasOwnProperty.call(scope, name)) notDefined(name);
    },
    settle(cellId, declared) {
      for (const [name, kind] of Object.entries(declared)) {
        if (pending.has(name)) {
          // The cell stopped before declaring it: it stays undefined for everybody.
          pending.delete(name);
          notDefined(name);
        } else {
          bindings.set(name, { owner: cellId, kind });
        }
      }
    },
    unbind(name) {
      bindings.delete(name);
      notDefined(name);
    },
    entries: () => [...bindings.keys()].map((name) => [name, scope[name]]),
  };
}
