// Renders deploy/kubernetes as kustomize would for this kustomization (its resources, namespace and labels) and
// validates every object against the Kubernetes API's schema for its apiVersion and kind.
// Usage: node validate-kubernetes.js <dir with kustomization.yaml>
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseAllDocuments, parse } from "yaml";

const dir = process.argv[2];
const kustomization = parse(readFileSync(join(dir, "kustomization.yaml"), "utf8"));
const labels = Object.assign({}, ...(kustomization.labels ?? []).map((l) => l.pairs));
let failures = 0;
let checked = 0;

for (const file of kustomization.resources) {
  for (const doc of parseAllDocuments(readFileSync(join(dir, file), "utf8"))) {
    if (doc.errors.length) {
      console.error(`${file}: ${doc.errors.map((e) => e.message).join("; ")}`);
      failures++;
      continue;
    }
    const object = doc.toJS();
    if (!object) continue;
    const where = `${file}: ${object.kind} ${object.metadata?.name}`;
    if (object.kind !== "Namespace" && kustomization.namespace) object.metadata.namespace = kustomization.namespace;
    object.metadata.labels = { ...(object.metadata.labels ?? {}), ...labels };
    const [group, version] = object.apiVersion.includes("/") ? object.apiVersion.split("/") : [null, object.apiVersion];
    const module = `kubernetes-models/${group ? group + "/" : ""}${version}/${object.kind}`;
    let Model;
    try {
      Model = (await import(module))[object.kind];
    } catch {
      console.error(`${where}: no schema for ${object.apiVersion} ${object.kind}`);
      failures++;
      continue;
    }
    try {
      new Model(object).validate();
      checked++;
    } catch (e) {
      console.error(`${where}: ${e.message}`);
      failures++;
    }
  }
}
console.log(`kubernetes: ${checked} objects valid, ${failures} invalid`);
process.exit(failures ? 1 : 0);
