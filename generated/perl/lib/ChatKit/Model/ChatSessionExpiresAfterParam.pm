package ChatKit::Model::ChatSessionExpiresAfterParam;

use strict;
use warnings;

use parent -norequire, 'ChatKit::Runtime::Model';
use ChatKit::Runtime::Model ();

our $VERSION = '0.1.0';

my @FIELDS = (
    {   arg      => 'anchor',
        key      => 'anchor',
        required => 1,
        secret   => 0,
        type     => { t => 'const', value => 'created_at' }
    },
    {   arg      => 'seconds',
        key      => 'seconds',
        required => 1,
        secret   => 0,
        type     => { t => 'integer', minimum => 1, maximum => 600 }
    },
);

sub _fields { return \@FIELDS }

__PACKAGE__->_install_accessors;

1;

__END__

=encoding utf8

=head1 NAME

ChatKit::Model::ChatSessionExpiresAfterParam - Controls when the session expires relative to an anchor timestamp.

=head1 DESCRIPTION

Controls when the session expires relative to an anchor timestamp.

=head1 SYNOPSIS

    my $value = ChatKit::Model::ChatSessionExpiresAfterParam->new(...);
    my $same  = ChatKit::Model::ChatSessionExpiresAfterParam->from_hash( $value->to_hash );

=head1 FIELDS

Each field has a read-only accessor and a C<has_> predicate, true when the field
was given (even as C<undef>, JSON null).

=over 4

=item anchor (required)

C<anchor>: Const['created_at']. Base timestamp used to calculate expiration. Currently fixed to `created_at`.

=item has_anchor

=item seconds (required)

C<seconds>: Int. Number of seconds after the anchor when the session expires.

=item has_seconds

=back

=head1 METHODS

See L<ChatKit::Runtime::Model>: C<new>, C<from_hash>, C<from_json>, C<to_hash>,
C<to_json>, C<extra_fields>, C<get>, C<dump>.

=cut
