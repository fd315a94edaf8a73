#pragma once

#include <core/store/store.h>

#include <QCommandLineParser>
#include <QTextStream>

#include <memory>

namespace Ledgerdesk::Cli {

// What every command needs: the ledger it works on and the two output streams.
class CliContext final
{
public:
    explicit CliContext(QString ledgerPath);

    QString ledgerPath() const { return m_ledgerPath; }

    // Opens (and migrates) the ledger; prints the reason and returns nullptr on failure.
    Core::Store *openStore(bool mustExist = true);

    // Parses a command's options; returns an exit code to stop with, or -1 to continue.
    int parse(QCommandLineParser &parser, const QStringList &arguments, const QString &description);

    QTextStream &out() { return m_out; }

    QTextStream &err() { return m_err; }

private:
    QString m_ledgerPath;
    std::unique_ptr<Core::Store> m_store;
    QTextStream m_out;
    QTextStream m_err;
};

} // namespace Ledgerdesk::Cli
