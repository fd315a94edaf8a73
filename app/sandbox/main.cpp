#include "sandboxapp.h"
#include "sandboxoptions.h"
#include "signalwatcher.h"

#include <QCoreApplication>
#include <QTextStream>

#include <cstdio>

using namespace Ledgerdesk::Sandbox;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("ledgerdesk-sandbox"));
    QCoreApplication::setApplicationVersion(QStringLiteral(LEDGERDESK_VERSION));
    QTextStream out(stdout);
    QTextStream err(stderr);
    const QStringList arguments = QCoreApplication::arguments();
    if (arguments.contains(QStringLiteral("--version"))) {
        out << "ledgerdesk-sandbox " << LEDGERDESK_VERSION << Qt::endl;
        return 0;
    }
    auto options = SandboxOptions::parse(arguments);
    if (!options.ok()) {
        const bool help = arguments.contains(QStringLiteral("--help"))
                          || arguments.contains(QStringLiteral("-h"));
        (help ? out : err) << options.error().message << Qt::endl;
        return help ? 0 : 2;
    }
    SandboxApp sandbox(options.value());
    SignalWatcher watcher;
    QObject::connect(&watcher, &SignalWatcher::terminationRequested, &app, [&sandbox, &out](int) {
        sandbox.shutdown();
        out << "Stopped." << Qt::endl;
        QCoreApplication::quit();
    });
    if (const auto status = sandbox.start(out); !status.ok()) {
        err << "ledgerdesk-sandbox: " << status.error().message << Qt::endl;
        return 3;
    }
    return app.exec();
}
