// typescript-eslint's strict type-checked rules over a generated package (OASGEN_TS_PROJECT: its tsconfig).
import tseslint from "typescript-eslint";

const project = process.env.OASGEN_TS_PROJECT;
if (!project) throw new Error("set OASGEN_TS_PROJECT to the generated package's tsconfig.json");

export default tseslint.config(...tseslint.configs.strictTypeChecked, {
  languageOptions: { parserOptions: { project: [project] } },
});
