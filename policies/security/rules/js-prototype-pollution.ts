export type Json = { [key: string]: unknown };

export function deepMerge(target: Json, source: Json): Json {
  for (const key of Object.keys(source)) {
    const value = source[key];
    if (value && typeof value === "object" && !Array.isArray(value)) {
      // ruleid: sec-prototype-pollution-merge-js
      if (!target[key] || typeof target[key] !== "object") target[key] = {};
      deepMerge(target[key] as Json, value as Json);
    } else {
      // ruleid: sec-prototype-pollution-merge-js
      target[key] = value;
    }
  }
  return target;
}

export const mergeDeep = (dst: any, src: any): any => {
  for (const k in src) {
    if (typeof src[k] === "object" && src[k] !== null) {
      // ruleid: sec-prototype-pollution-merge-js
      dst[k] = mergeDeep(dst[k] ?? {}, src[k]);
    } else {
      // ruleid: sec-prototype-pollution-merge-js
      dst[k] = src[k];
    }
  }
  return dst;
};

export function safeMerge(target: Json, source: Json): Json {
  for (const key of Object.keys(source)) {
    if (key === "__proto__" || key === "constructor" || key === "prototype") continue;
    const value = source[key];
    if (value && typeof value === "object" && !Array.isArray(value)) {
      // ok: sec-prototype-pollution-merge-js
      if (!target[key] || typeof target[key] !== "object") target[key] = {};
      safeMerge(target[key] as Json, value as Json);
    } else {
      // ok: sec-prototype-pollution-merge-js
      target[key] = value;
    }
  }
  return target;
}

export function shallowCopy(source: Json): Json {
  const out: Json = {};
  for (const key of Object.keys(source)) {
    // ok: sec-prototype-pollution-merge-js
    out[key] = source[key];
  }
  return out;
}

export function cloneTree(node: Json): Json {
  const out: Json = Object.create(null);
  for (const [key, value] of Object.entries(node)) {
    // ok: sec-prototype-pollution-merge-js
    out[key] = value && typeof value === "object" ? cloneTree(value as Json) : value;
  }
  return out;
}
