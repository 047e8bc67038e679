// monaco-yaml's language server, bundled as its own worker (imported with `?worker` by monacoSetup).
import 'monaco-yaml/yaml.worker.js';
