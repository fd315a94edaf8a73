#pragma once

#include <ui/pages/page.h>

class QTabWidget;

namespace Ledgerdesk::Core {
class SecretStore;
class Store;
} // namespace Ledgerdesk::Core

namespace Ledgerdesk::Ui {

class ConnectionsPanel;
class DemoPanel;
class OwnershipPanel;

// The console's settings: the connected systems (addresses here, secrets in the keychain),
// which system owns which kind of data, and the demo.
class SettingsPage final : public Page
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SettingsPage)

public:
    SettingsPage(Core::Store &store,
                 Core::SecretStore &secrets,
                 const QString &connectionBookPath,
                 QWidget *parent = nullptr);
    ~SettingsPage() override;

    QString pageId() const override;
    QString title() const override;
    QIcon icon() const override;
    QString summary() const override;
    void refresh() override;
    void focusSearch() override;

    // Who ownership changes are recorded as in the audit log ($USER unless set).
    void setActor(const QString &actor);

    ConnectionsPanel *connectionsPanel() const { return m_connections; }

    OwnershipPanel *ownershipPanel() const { return m_ownership; }

    DemoPanel *demoPanel() const { return m_demo; }

    QTabWidget *tabs() const { return m_tabs; }

public slots:
    void setDemoState(bool running, const QString &text);

signals:
    void demoStartRequested();
    void demoStopRequested();
    void connectionsChanged();

private:
    QTabWidget *m_tabs = nullptr;
    ConnectionsPanel *m_connections = nullptr;
    OwnershipPanel *m_ownership = nullptr;
    DemoPanel *m_demo = nullptr;
};

} // namespace Ledgerdesk::Ui
