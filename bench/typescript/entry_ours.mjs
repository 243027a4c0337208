// Bundle-size entry: create one ChatKit session with our SDK (the import is rewritten by the bench).
import { ChatKit } from "OURS";

const client = new ChatKit();
console.log(await client.sessions.create({ user: "user_789", workflow: { id: "workflow_alpha" } }));
