#include "clirunner.h"

#include <QFile>
#include <QProcess>

#include <gtest/gtest.h>

namespace Ledgerdesk::Testing {

CliRunner::CliRunner()
{
    EXPECT_TRUE(m_dir.isValid());
}

QString CliRunner::write(const QString &name, const QByteArray &content) const
{
    const QString file = path(name);
    QFile f(file);
    EXPECT_TRUE(f.open(QIODevice::WriteOnly));
    f.write(content);
    return file;
}

QByteArray CliRunner::read(const QString &name) const
{
    QFile f(path(name));
    EXPECT_TRUE(f.open(QIODevice::ReadOnly)) << name.toStdString();
    return f.readAll();
}

CliResult CliRunner::run(const QStringList &arguments) const
{
    return runOn(ledger(), arguments);
}

CliResult CliRunner::runOn(const QString &ledger, const QStringList &arguments) const
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("ledgerdesk.*=false"));
    env.insert(QStringLiteral("USER"), QStringLiteral("tester"));
    process.setProcessEnvironment(env);
    process.start(QStringLiteral(LEDGERDESK_CLI_PATH),
                  QStringList{QStringLiteral("--ledger"), ledger} + arguments);
    EXPECT_TRUE(process.waitForFinished(120000)) << arguments.join(u' ').toStdString();
    CliResult result;
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    result.out = QString::fromUtf8(process.readAllStandardOutput());
    result.err = QString::fromUtf8(process.readAllStandardError());
    return result;
}

void CliRunner::seedShop() const
{
    ASSERT_EQ(run({QStringLiteral("init")}).exitCode, 0);
    ASSERT_EQ(run({QStringLiteral("import"),
                   QStringLiteral("locations"),
                   write(QStringLiteral("seed-locations.csv"), kLocationsCsv)})
                  .exitCode,
              0);
    ASSERT_EQ(run({QStringLiteral("import"),
                   QStringLiteral("products"),
                   write(QStringLiteral("seed-products.csv"), kProductsCsv)})
                  .exitCode,
              0);
}

} // namespace Ledgerdesk::Testing
