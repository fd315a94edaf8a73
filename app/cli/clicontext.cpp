#include "clicontext.h"

#include <app/cli/cli.h>
#include <core/store/defaultpaths.h>

#include <QFileInfo>

#include <cstdio>

namespace Ledgerdesk::Cli {

CliContext::CliContext(QString ledgerPath)
    : m_ledgerPath(ledgerPath.isEmpty() ? Core::defaultLedgerPath() : std::move(ledgerPath))
    , m_out(stdout)
    , m_err(stderr)
{}

Core::Store *CliContext::openStore(bool mustExist)
{
    if (m_store) {
        return m_store.get();
    }
    if (mustExist && !QFileInfo::exists(m_ledgerPath)) {
        m_err << "no ledger at " << m_ledgerPath << " (create one with 'ledgerdesk-cli init')\n";
        return nullptr;
    }
    auto store = std::make_unique<Core::Store>(Core::StoreConfig::sqlite(m_ledgerPath));
    if (const Core::Status opened = store->open(); !opened) {
        m_err << "cannot open the ledger: " << opened.error().message << '\n';
        return nullptr;
    }
    m_store = std::move(store);
    return m_store.get();
}

int CliContext::parse(QCommandLineParser &parser,
                      const QStringList &arguments,
                      const QString &description)
{
    parser.setApplicationDescription(description);
    parser.addHelpOption();
    if (!parser.parse(arguments)) {
        m_err << parser.errorText() << '\n';
        return ExitUsage;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        m_out << parser.helpText();
        return ExitOk;
    }
    return -1;
}

} // namespace Ledgerdesk::Cli
