#include "countoption.h"

namespace Ledgerdesk::Cli {

bool readCount(QTextStream &err,
               const QCommandLineParser &parser,
               const QCommandLineOption &option,
               qint64 &target)
{
    if (!parser.isSet(option)) {
        return true;
    }
    bool ok = false;
    const qint64 value = parser.value(option).toLongLong(&ok);
    if (!ok || value <= 0) {
        err << "--" << option.names().first() << " needs a positive whole number, not \""
            << parser.value(option) << "\"\n";
        return false;
    }
    target = value;
    return true;
}

} // namespace Ledgerdesk::Cli
