// Bundle-size entry: create one ChatKit session with the openai package.
import OpenAI from "openai";

const client = new OpenAI();
console.log(await client.beta.chatkit.sessions.create({ user: "user_789", workflow: { id: "workflow_alpha" } }));
