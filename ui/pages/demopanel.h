#pragma once

#include <QWidget>

class QLabel;
class QPushButton;

namespace Ledgerdesk::Ui {

// Explains the demo and starts or stops it; whoever runs the demo reports back with setState().
class DemoPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DemoPanel)

public:
    explicit DemoPanel(QWidget *parent = nullptr);
    ~DemoPanel() override;

    void setState(bool running, const QString &text);

    bool isRunning() const { return m_running; }

    QString stateText() const;

    QPushButton *startButton() const { return m_start; }

    QPushButton *stopButton() const { return m_stop; }

signals:
    void startRequested();
    void stopRequested();

private:
    bool m_running = false;
    QLabel *m_state = nullptr;
    QPushButton *m_start = nullptr;
    QPushButton *m_stop = nullptr;
};

} // namespace Ledgerdesk::Ui
