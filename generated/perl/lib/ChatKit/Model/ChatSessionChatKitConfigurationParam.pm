package ChatKit::Model::ChatSessionChatKitConfigurationParam;

use strict;
use warnings;

use parent -norequire, 'ChatKit::Runtime::Model';
use ChatKit::Runtime::Model ();

our $VERSION = '0.1.0';

my @FIELDS = (
    {   arg      => 'automatic_thread_titling',
        key      => 'automatic_thread_titling',
        required => 0,
        secret   => 0,
        type => { t => 'model', class => 'ChatKit::Model::ChatSessionAutomaticThreadTitlingParam' }
    },
    {   arg      => 'file_upload',
        key      => 'file_upload',
        required => 0,
        secret   => 0,
        type     => { t => 'model', class => 'ChatKit::Model::ChatSessionFileUploadParam' }
    },
    {   arg      => 'history',
        key      => 'history',
        required => 0,
        secret   => 0,
        type     => { t => 'model', class => 'ChatKit::Model::ChatSessionHistoryParam' }
    },
);

sub _fields { return \@FIELDS }

__PACKAGE__->_install_accessors;

1;

__END__

=encoding utf8

=head1 NAME

ChatKit::Model::ChatSessionChatKitConfigurationParam - Optional per-session configuration settings for ChatKit behavior.

=head1 DESCRIPTION

Optional per-session configuration settings for ChatKit behavior.

=head1 SYNOPSIS

    my $value = ChatKit::Model::ChatSessionChatKitConfigurationParam->new(...);
    my $same  = ChatKit::Model::ChatSessionChatKitConfigurationParam->from_hash( $value->to_hash );

=head1 FIELDS

Each field has a read-only accessor and a C<has_> predicate, true when the field
was given (even as C<undef>, JSON null).

=over 4

=item automatic_thread_titling

C<automatic_thread_titling>: ChatKit::Model::ChatSessionAutomaticThreadTitlingParam. Configuration for automatic thread titling. When omitted, automatic thread titling is enabled by default.

=item has_automatic_thread_titling

=item file_upload

C<file_upload>: ChatKit::Model::ChatSessionFileUploadParam. Configuration for upload enablement and limits. When omitted, uploads are disabled by default (max_files 10, max_file_size 512 MB).

=item has_file_upload

=item history

C<history>: ChatKit::Model::ChatSessionHistoryParam. Configuration for chat history retention. When omitted, history is enabled by default with no limit on recent_threads.

=item has_history

=back

=head1 METHODS

See L<ChatKit::Runtime::Model>: C<new>, C<from_hash>, C<from_json>, C<to_hash>,
C<to_json>, C<extra_fields>, C<get>, C<dump>.

=cut
