#pragma once

namespace Ledgerdesk::Core {

// Programs print what matters themselves; Ledgerdesk's own debug and info diagnostics appear
// only when asked for through QT_LOGGING_RULES (e.g. "ledgerdesk.*=true").
void quietDiagnosticsUnlessAsked();

} // namespace Ledgerdesk::Core
