#include "diagnostics.h"

#include <QLoggingCategory>

namespace Ledgerdesk::Core {

void quietDiagnosticsUnlessAsked()
{
    if (qEnvironmentVariableIsEmpty("QT_LOGGING_RULES")) {
        QLoggingCategory::setFilterRules(QStringLiteral("ledgerdesk.*.debug=false\n"
                                                        "ledgerdesk.*.info=false"));
    }
}

} // namespace Ledgerdesk::Core
