#include "settingspage.h"

#include <ui/pages/connectionspanel.h>
#include <ui/pages/demopanel.h>
#include <ui/pages/ownershippanel.h>

#include <QStyle>
#include <QTabWidget>
#include <QVBoxLayout>

namespace Ledgerdesk::Ui {

SettingsPage::SettingsPage(Core::Store &store,
                           Core::SecretStore &secrets,
                           const QString &connectionBookPath,
                           QWidget *parent)
    : Page(parent)
    , m_tabs(new QTabWidget(this))
    , m_connections(new ConnectionsPanel(secrets, connectionBookPath, this))
    , m_ownership(new OwnershipPanel(store, this))
    , m_demo(new DemoPanel(this))
{
    m_tabs->setObjectName(QStringLiteral("settingsTabs"));
    m_tabs->setDocumentMode(true);
    m_tabs->addTab(m_connections, tr("&Connections"));
    m_tabs->addTab(m_ownership, tr("&Ownership"));
    m_tabs->addTab(m_demo, tr("&Demo"));

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 8, 8, 8);
    layout->addWidget(m_tabs);

    connect(m_connections, &ConnectionsPanel::connectionsChanged, this, [this] {
        emit connectionsChanged();
        emit summaryChanged();
    });
    connect(m_demo, &DemoPanel::startRequested, this, &SettingsPage::demoStartRequested);
    connect(m_demo, &DemoPanel::stopRequested, this, &SettingsPage::demoStopRequested);
}

SettingsPage::~SettingsPage() = default;

QString SettingsPage::pageId() const
{
    return QStringLiteral("settings");
}

QString SettingsPage::title() const
{
    return tr("Settings");
}

QIcon SettingsPage::icon() const
{
    return style()->standardIcon(QStyle::SP_FileDialogDetailedView);
}

QString SettingsPage::summary() const
{
    return m_connections->summary();
}

void SettingsPage::refresh()
{
    m_ownership->reload();
    emit summaryChanged();
}

void SettingsPage::focusSearch()
{
    m_tabs->currentWidget()->setFocus(Qt::ShortcutFocusReason);
}

void SettingsPage::setActor(const QString &actor)
{
    m_ownership->setActor(actor);
}

void SettingsPage::setDemoState(bool running, const QString &text)
{
    m_demo->setState(running, text);
}

} // namespace Ledgerdesk::Ui
