#pragma once

#include <QDialog>

class QLabel;
class QLineEdit;

namespace tether {

// While the user signs in at the provider: what is happening, the address (to copy into another
// browser), and Cancel. Non-modal; the sign-in's end closes it.
class SignInDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SignInDialog)

public:
    explicit SignInDialog(const QString &accountName, QWidget *parent = nullptr);
    void setUrl(const QUrl &url, bool browserOpened);
    QLineEdit *urlEdit() const { return m_url; }

private:
    QLabel *m_text;
    QLineEdit *m_url;
};

} // namespace tether
