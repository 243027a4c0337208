package ChatKit::Model::ChatSessionFileUploadParam;

use strict;
use warnings;

use parent -norequire, 'ChatKit::Runtime::Model';
use ChatKit::Runtime::Model ();

our $VERSION = '0.1.0';

my @FIELDS = (
    { arg => 'enabled', key => 'enabled', required => 0, secret => 0, type => { t => 'boolean' } },
    {   arg      => 'max_file_size',
        key      => 'max_file_size',
        required => 0,
        secret   => 0,
        type     => { t => 'integer', minimum => 1, maximum => 512 }
    },
    {   arg      => 'max_files',
        key      => 'max_files',
        required => 0,
        secret   => 0,
        type     => { t => 'integer', minimum => 1 }
    },
);

sub _fields { return \@FIELDS }

__PACKAGE__->_install_accessors;

1;

__END__

=encoding utf8

=head1 NAME

ChatKit::Model::ChatSessionFileUploadParam - Controls whether users can upload files.

=head1 DESCRIPTION

Controls whether users can upload files.

=head1 SYNOPSIS

    my $value = ChatKit::Model::ChatSessionFileUploadParam->new(...);
    my $same  = ChatKit::Model::ChatSessionFileUploadParam->from_hash( $value->to_hash );

=head1 FIELDS

Each field has a read-only accessor and a C<has_> predicate, true when the field
was given (even as C<undef>, JSON null).

=over 4

=item enabled

C<enabled>: Bool. Enable uploads for this session. Defaults to false.

=item has_enabled

=item max_file_size

C<max_file_size>: Int. Maximum size in megabytes for each uploaded file. Defaults to 512 MB, which is the maximum allowable size.

=item has_max_file_size

=item max_files

C<max_files>: Int. Maximum number of files that can be uploaded to the session. Defaults to 10.

=item has_max_files

=back

=head1 METHODS

See L<ChatKit::Runtime::Model>: C<new>, C<from_hash>, C<from_json>, C<to_hash>,
C<to_json>, C<extra_fields>, C<get>, C<dump>.

=cut
