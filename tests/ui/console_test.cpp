#include <QProcess>
#include <QProcessEnvironment>

#include <gtest/gtest.h>

namespace {

QProcess *runConsole(QProcess &process, const QStringList &arguments)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("DISPLAY"));
    env.remove(QStringLiteral("WAYLAND_DISPLAY"));
    env.remove(QStringLiteral("QT_QPA_PLATFORM"));
    process.setProcessEnvironment(env);
    process.start(QStringLiteral(LEDGERDESK_CONSOLE_PATH), arguments);
    EXPECT_TRUE(process.waitForFinished(30'000));
    return &process;
}

} // namespace

TEST(Console, withoutADisplaySaysSoAndHowToRunIt)
{
    QProcess process;
    runConsole(process, {});
    EXPECT_EQ(process.exitStatus(), QProcess::NormalExit);
    EXPECT_EQ(process.exitCode(), 2);
    const QString err = QString::fromLocal8Bit(process.readAllStandardError());
    EXPECT_TRUE(err.contains(QStringLiteral("no display"))) << err.toStdString();
    EXPECT_TRUE(err.contains(QStringLiteral("xvfb-run"))) << err.toStdString();
}

TEST(Console, helpNeedsNoDisplay)
{
    QProcess process;
    runConsole(process, {QStringLiteral("--help")});
    EXPECT_EQ(process.exitCode(), 0);
    const QString out = QString::fromLocal8Bit(process.readAllStandardOutput());
    EXPECT_TRUE(out.contains(QStringLiteral("--ledger"))) << out.toStdString();
    EXPECT_TRUE(out.contains(QStringLiteral("--demo"))) << out.toStdString();
}

TEST(Console, rejectsAnUnknownArgumentBeforeLookingForADisplay)
{
    QProcess process;
    runConsole(process, {QStringLiteral("stray")});
    EXPECT_EQ(process.exitCode(), 2);
    EXPECT_TRUE(QString::fromLocal8Bit(process.readAllStandardError())
                    .contains(QStringLiteral("unexpected argument: stray")));
}
