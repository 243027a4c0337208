package ChatKit::Model::ChatSessionRateLimits;

use strict;
use warnings;

use parent -norequire, 'ChatKit::Runtime::Model';
use ChatKit::Runtime::Model ();

our $VERSION = '0.1.0';

my @FIELDS = (
    {   arg      => 'max_requests_per_1_minute',
        key      => 'max_requests_per_1_minute',
        required => 1,
        secret   => 0,
        type     => { t => 'integer' }
    },
);

sub _fields { return \@FIELDS }

__PACKAGE__->_install_accessors;

1;

__END__

=encoding utf8

=head1 NAME

ChatKit::Model::ChatSessionRateLimits - Active per-minute request limit for the session.

=head1 DESCRIPTION

Active per-minute request limit for the session.

=head1 SYNOPSIS

    my $value = ChatKit::Model::ChatSessionRateLimits->new(...);
    my $same  = ChatKit::Model::ChatSessionRateLimits->from_hash( $value->to_hash );

=head1 FIELDS

Each field has a read-only accessor and a C<has_> predicate, true when the field
was given (even as C<undef>, JSON null).

=over 4

=item max_requests_per_1_minute (required)

C<max_requests_per_1_minute>: Int. Maximum allowed requests per one-minute window.

=item has_max_requests_per_1_minute

=back

=head1 METHODS

See L<ChatKit::Runtime::Model>: C<new>, C<from_hash>, C<from_json>, C<to_hash>,
C<to_json>, C<extra_fields>, C<get>, C<dump>.

=cut
