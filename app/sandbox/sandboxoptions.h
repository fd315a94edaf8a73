#pragma once

#include <core/error.h>

#include <QCoreApplication>
#include <QString>
#include <QStringList>

namespace Ledgerdesk::Sandbox {

struct SandboxOptions
{
    Q_DECLARE_TR_FUNCTIONS(SandboxOptions)

public:
    quint16 port = 8787;
    quint32 seed = 2026;
    double speed = 1.0;
    QString faultsFile;
    QString dataDir;
    QString connectionFile;
    QString shopName = QStringLiteral("ledgerdesk-demo");
    QString apiVersion = QStringLiteral("2026-04");
    bool quietBusiness = false; // no generated orders or drift; tests drive every change

    static Core::Result<SandboxOptions> parse(const QStringList &arguments);
};

} // namespace Ledgerdesk::Sandbox
