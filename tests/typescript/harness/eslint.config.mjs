// typescript-eslint's strict type-checked rules over generated packages (OASGEN_TS_PROJECT: their
// tsconfig.json files, comma-separated: one eslint run may lint many packages).
import tseslint from "typescript-eslint";

const projects = (process.env.OASGEN_TS_PROJECT ?? "").split(",").filter(Boolean);
if (!projects.length) throw new Error("set OASGEN_TS_PROJECT to the generated packages' tsconfig.json");

export default tseslint.config(...tseslint.configs.strictTypeChecked, {
  languageOptions: { parserOptions: { project: projects } },
});
